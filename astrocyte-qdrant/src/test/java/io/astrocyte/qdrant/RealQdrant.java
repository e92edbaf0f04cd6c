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

    /** A store on a fresh collection of the real server, for {@code dimension}-d vectors. */
    static synchronized QdrantVectorStore freshStore(int dimension) {
        QdrantVectorStore.Builder b = QdrantVectorStore.builder().dimension(dimension).embeddingModel("contract-test")
                .collection("contract_" + UUID.randomUUID().toString().replace("-", ""));
        String url = url();
        if (url != null) {
            URI u = URI.create(url);
            b.host(u.getHost()).port(u.getPort() > 0 ? u.getPort() : 6334).tls("https".equals(u.getScheme()))
                    .apiKey(System.getenv("ASTROCYTE_QDRANT_API_KEY"));
        } else {
            if (container == null) {
                container = new QdrantContainer(IMAGE);
                container.start();
            }
            b.host(container.getHost()).port(container.getGrpcPort());
        }
        return b.build();
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
