package io.astrocyte.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorStore;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.Points;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire tests of configuration: {@code vector_store: qdrant} and {@code vector_store_config} connect over a
 * real TCP socket to {@link RecordingQdrantServer} (a recording test double, not Qdrant), so host, port,
 * API key and collection settings are checked as they arrive.
 */
class QdrantConfigWireTest {

    private RecordingQdrantServer server;

    @BeforeEach
    void start() throws Exception {
        server = RecordingQdrantServer.onLocalPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, Object> config(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("embedding_dimension", 16);
        m.put("embedding_model", "hashing-16");
        m.put("max_retries", 0);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void hostPortApiKeyAndCollectionArriveOnTheWire() {
        try (VectorStore store = new QdrantVectorStoreFactory().create(config("host", "127.0.0.1", "port",
                server.port(), "api_key", "secret-key", "collection_name", "team_memory", "shard_number", 3,
                "replication_factor", 2, "path", "/ignored/data"))) {
            assertThat(store.name()).isEqualTo("qdrant");
            assertThat(((QdrantVectorStore) store).collection()).isEqualTo("team_memory");
        }
        assertThat(server.calls).isNotEmpty().allSatisfy(c -> assertThat(c.apiKey()).isEqualTo("secret-key"));
        Collections.CreateCollection create = server.<Collections.CreateCollection>requests("createCollection").get(0);
        assertThat(create.getCollectionName()).isEqualTo("team_memory");
        assertThat(create.getShardNumber()).isEqualTo(3);
        assertThat(create.getReplicationFactor()).isEqualTo(2);
        assertThat(create.getVectorsConfig().getParamsMap().getMapOrThrow("dense").getSize()).isEqualTo(16);
    }

    @Test
    void urlFormAndNoApiKey() {
        try (VectorStore store = new QdrantVectorStoreFactory().create(config("url", "http://127.0.0.1:"
                + server.port()))) {
            assertThat(((QdrantVectorStore) store).collection()).isEqualTo("astrocyte");
        }
        assertThat(server.calls).allSatisfy(c -> assertThat(c.apiKey()).isNull());
    }

    @Test
    void badConfigIsRefusedByName() {
        assertThatThrownBy(() -> new QdrantVectorStoreFactory().create(config("hots", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vector_store_config.hots");
        assertThatThrownBy(() -> new QdrantVectorStoreFactory().create(config("vector_size", 1536)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("1536, but the embedder is 16-d");
        assertThatThrownBy(() -> new QdrantVectorStoreFactory().create(config("port", "six")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vector_store_config.port");
        assertThatThrownBy(() -> new QdrantVectorStoreFactory().create(config("tls", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vector_store_config.tls");
    }

    @Test
    void anUnreachableServerFailsStartupClearly() {
        int port = server.port();
        server.close();
        assertThatThrownBy(() -> new QdrantVectorStoreFactory().create(config("host", "127.0.0.1", "port", port,
                "timeout_ms", 2000))).isInstanceOf(io.astrocyte.ProviderUnavailableException.class)
                .hasMessageContaining("qdrant collection check failed");
    }

    @Test
    void astrocyteYamlSelectsQdrantAndRetainsReachIt() {
        var cfg = new ConfigLoader(k -> null).fromMap(Map.of("vector_store", "qdrant", "vector_store_config",
                Map.of("host", "127.0.0.1", "port", server.port(), "collection", "yaml_configured")));
        // Owners and grants need a governance store; this module has only the in-memory one (test double).
        try (Astrocyte brain = Astrocyte.builder().config(cfg).embedder(new HashingEmbedder(16))
                .governanceStore(new io.astrocyte.store.memory.InMemoryGovernanceStore()).build()) {
            assertThat(brain.vectorStore().name()).isEqualTo("qdrant");
            brain.retain(RetainRequest.of("user-alice", "Alice moved to Porto in May"), AstrocyteContext.of(
                    "user:alice"));
        }
        List<Points.UpsertPoints> upserts = server.requests("upsert");
        assertThat(upserts).hasSize(1);
        assertThat(upserts.get(0).getCollectionName()).isEqualTo("yaml_configured");
        assertThat(upserts.get(0).getPoints(0).getPayloadMap().get("text").getStringValue())
                .isEqualTo("Alice moved to Porto in May");
        assertThat(upserts.get(0).getPoints(0).getPayloadMap().get("bank_id").getStringValue())
                .isEqualTo("user-alice");
    }
}
