package io.astrocyte.spring.boot.testcontainers;

import io.astrocyte.spring.boot.QdrantConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.testcontainers.qdrant.QdrantContainer;

/**
 * Lets {@code @ServiceConnection} on a Testcontainers {@link QdrantContainer} point Astrocyte at it:
 *
 * <pre>{@code
 * @Container @ServiceConnection
 * static QdrantContainer qdrant = new QdrantContainer("qdrant/qdrant:v1.18.1");
 * }</pre>
 *
 * Registered in {@code META-INF/spring.factories}; active only when Spring Boot's Testcontainers support and
 * {@code testcontainers-qdrant} are on the test classpath.
 */
class QdrantContainerConnectionDetailsFactory
        extends ContainerConnectionDetailsFactory<QdrantContainer, QdrantConnectionDetails> {

    QdrantContainerConnectionDetailsFactory() {
        super(ANY_CONNECTION_NAME, "org.testcontainers.qdrant.QdrantContainer");
    }

    @Override
    protected QdrantConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<QdrantContainer> source) {
        return new ContainerDetails(source);
    }

    private static final class ContainerDetails extends ContainerConnectionDetails<QdrantContainer>
            implements QdrantConnectionDetails {

        ContainerDetails(ContainerConnectionSource<QdrantContainer> source) {
            super(source);
        }

        @Override
        public String host() {
            return getContainer().getHost();
        }

        @Override
        public int port() {
            return getContainer().getGrpcPort();
        }

        @Override
        public boolean tls() {
            return false;
        }

        @Override
        public String apiKey() {
            return null;
        }
    }
}
