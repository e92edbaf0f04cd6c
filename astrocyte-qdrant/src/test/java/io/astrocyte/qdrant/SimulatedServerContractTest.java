package io.astrocyte.qdrant;

import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.KeywordIndexContract;
import io.astrocyte.spi.contract.VectorStoreContract;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared conformance suites run through the real store code and the real Qdrant client against
 * {@link SimulatedQdrantServer} — a simulation of Qdrant's documented behaviour, not Qdrant. It checks the
 * store's own logic (filters, paging, soft delete, scoring) on every build; {@link QdrantContractTest} runs
 * the same suites against a real server where one is available.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedServerContractTest {

    private SimulatedQdrantServer server;
    private io.qdrant.client.QdrantClient client;

    /** In process here; {@link SimulatedServerOverLoopbackContractTest} serves the same suites over Netty. */
    SimulatedQdrantServer newServer() throws Exception {
        return new SimulatedQdrantServer();
    }

    @BeforeAll
    void start() throws Exception {
        server = newServer();
        client = server.client();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    private VectorStore fresh() {
        return QdrantVectorStore.builder().client(client).dimension(64).embeddingModel("contract-test")
                .collection("c_" + UUID.randomUUID().toString().replace("-", "")).build();
    }

    @Nested
    class Vectors extends VectorStoreContract {
        @Override
        protected VectorStore createStore(Path dir) {
            return fresh();
        }
    }

    @Nested
    class Keywords extends KeywordIndexContract {
        @Override
        protected VectorStore createStore(Path dir) {
            return fresh();
        }
    }

    @Nested
    class Lifecycle extends io.astrocyte.spi.contract.LifecycleContract {
        @Override
        protected VectorStore createStore(Path dir) {
            return fresh();
        }
    }
}
