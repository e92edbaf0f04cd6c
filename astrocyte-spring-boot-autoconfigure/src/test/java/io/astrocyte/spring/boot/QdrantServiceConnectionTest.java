package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.Embedder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

/**
 * {@code @ServiceConnection} on a Testcontainers Qdrant wires the starter to it with no properties. Needs a
 * Docker engine; skipped without one (run {@code ./mvnw -pl astrocyte-spring-boot-starter verify} where
 * Docker runs).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = QdrantServiceConnectionTest.App.class, properties = "astrocyte.data-dir=target/sc-data")
class QdrantServiceConnectionTest {

    @Container
    @ServiceConnection
    static QdrantContainer qdrant = new QdrantContainer("qdrant/qdrant:v1.18.1");

    @SpringBootApplication
    static class App {
        /** Test double: deterministic embedder. */
        @Bean
        Embedder embedder() {
            return new HashingEmbedder(64);
        }
    }

    @Autowired
    Astrocyte brain;

    @Test
    void theContainerBecomesTheStore() {
        assertThat(brain.vectorStore().name()).isEqualTo("qdrant");
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        brain.retain(RetainRequest.of("user-alice", "Alice keeps her bike in the basement"), alice);
        assertThat(brain.recall(RecallRequest.of("user-alice", "where is the bike"), alice).hits()).isNotEmpty();
    }
}
