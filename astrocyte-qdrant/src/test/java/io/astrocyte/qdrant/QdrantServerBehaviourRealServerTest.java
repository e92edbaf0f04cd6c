package io.astrocyte.qdrant;

import io.qdrant.client.QdrantClient;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link QdrantServerBehaviourTest} against a real Qdrant ({@code ASTROCYTE_QDRANT_URL}, else Testcontainers;
 * skipped with instructions where neither exists), through a client with gRPC's default message limit.
 */
@ExtendWith(RealQdrant.Available.class)
@Testcontainers(disabledWithoutDocker = true)
class QdrantServerBehaviourRealServerTest extends QdrantServerBehaviourTest {

    @Override
    QdrantClient connect() {
        return RealQdrant.defaultClient();
    }
}
