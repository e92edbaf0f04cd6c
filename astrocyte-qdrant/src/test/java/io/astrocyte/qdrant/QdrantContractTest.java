package io.astrocyte.qdrant;

import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.KeywordIndexContract;
import io.astrocyte.spi.contract.VectorStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The core conformance suites against a real Qdrant: {@code ASTROCYTE_QDRANT_URL} when set, else a
 * Testcontainers Qdrant ({@code disabledWithoutDocker}); skipped with instructions where neither exists.
 * Each test gets a fresh collection.
 */
@ExtendWith(RealQdrant.Available.class)
@Testcontainers(disabledWithoutDocker = true)
class QdrantContractTest {

    @Nested
    class Vectors extends VectorStoreContract {
        @Override
        protected VectorStore createStore(Path dir) {
            return RealQdrant.freshStore(64);
        }
    }

    @Nested
    class Keywords extends KeywordIndexContract {
        @Override
        protected VectorStore createStore(Path dir) {
            return RealQdrant.freshStore(64);
        }
    }

    @Nested
    class Lifecycle extends io.astrocyte.spi.contract.LifecycleContract {
        @Override
        protected VectorStore createStore(Path dir) {
            return RealQdrant.freshStore(64);
        }
    }
}
