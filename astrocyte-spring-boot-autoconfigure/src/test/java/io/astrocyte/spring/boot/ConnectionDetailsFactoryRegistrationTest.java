package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The {@code @ServiceConnection} factory for a Testcontainers Qdrant is registered and instantiable. */
class ConnectionDetailsFactoryRegistrationTest {

    @Test
    void qdrantContainerFactoryIsRegistered() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ConnectionDetailsFactory.class))
                .anySatisfy(f -> assertThat(f.getClass().getName())
                        .isEqualTo("io.astrocyte.spring.boot.testcontainers.QdrantContainerConnectionDetailsFactory"));
    }
}
