package io.astrocyte.qdrant;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.qdrant.QdrantContainer;

/**
 * Where the contract tests find a real Qdrant: the server named by {@code ASTROCYTE_QDRANT_URL} (e.g.
 * {@code http://localhost:6334}, gRPC port; {@code ASTROCYTE_QDRANT_API_KEY} optional), else a Testcontainers
 * Qdrant when Docker is available. With neither, the tests are skipped with a reason that says how to run
 * them.
 */
final class RealQdrant {

    static final String URL_VARIABLE = "ASTROCYTE_QDRANT_URL";
    static final String IMAGE = "qdrant/qdrant:v1.18.1";
    private static QdrantContainer container;

    private RealQdrant() {
    }

    static String url() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url;
    }

    /** Host, gRPC port and TLS of the real server (starting the container on first use). */
    private record Endpoint(String host, int port, boolean tls) {
    }

    private static synchronized Endpoint endpoint() {
        String url = url();
        if (url != null) {
            URI u = URI.create(url);
            return new Endpoint(u.getHost(), u.getPort() > 0 ? u.getPort() : 6334, "https".equals(u.getScheme()));
        }
        if (container == null) {
            container = new QdrantContainer(IMAGE);
            container.start();
        }
        return new Endpoint(container.getHost(), container.getGrpcPort(), false);
    }

    /** A store on a fresh collection of the real server, for {@code dimension}-d vectors. */
    static QdrantVectorStore freshStore(int dimension) {
        Endpoint e = endpoint();
        return QdrantVectorStore.builder().dimension(dimension).embeddingModel("contract-test")
                .collection("contract_" + UUID.randomUUID().toString().replace("-", "")).host(e.host()).port(e.port())
                .tls(e.tls()).apiKey(System.getenv("ASTROCYTE_QDRANT_API_KEY")).build();
    }

    /**
     * A client to the real server with the Qdrant client's own defaults (gRPC's 4 MiB inbound limit), as an
     * application that builds its own client and hands it to the store would have.
     */
    static io.qdrant.client.QdrantClient defaultClient() {
        Endpoint e = endpoint();
        io.qdrant.client.QdrantGrpcClient.Builder b = io.qdrant.client.QdrantGrpcClient.newBuilder(e.host(), e.port(),
                e.tls());
        String key = System.getenv("ASTROCYTE_QDRANT_API_KEY");
        if (key != null && !key.isBlank()) {
            b.withApiKey(key);
        }
        return new io.qdrant.client.QdrantClient(b.build());
    }

    /** Runs the annotated tests only where a real Qdrant can be reached. */
    static final class Available implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (url() != null) {
                return ConditionEvaluationResult.enabled("using the Qdrant at " + URL_VARIABLE + "=" + url());
            }
            boolean docker;
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                docker = false;
            }
            return docker ? ConditionEvaluationResult.enabled("starting " + IMAGE + " with Testcontainers")
                    : ConditionEvaluationResult.disabled("Real-Qdrant contract tests skipped: no Docker engine and "
                            + URL_VARIABLE + " unset. Run them with Docker running (./mvnw -pl astrocyte-qdrant "
                            + "verify) or against a server: " + URL_VARIABLE + "=http://host:6334 ./mvnw -pl "
                            + "astrocyte-qdrant verify");
        }
    }
}
