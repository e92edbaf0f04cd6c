package io.astrocyte.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AccessGrantConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.qdrant.client.QdrantClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OpenAI-sized embeddings (1536-d) and banks of 1,000 memories over a real network channel, against
 * {@link SimulatedQdrantServer#overLoopback()} (a test double served through Netty on 127.0.0.1, whose client
 * keeps gRPC's default 4 MiB inbound limit, as a client built by an application would). A page of 1,000
 * such points with their vectors is over 6 MB: listing, export, import into a full bank and forget by
 * selector must page by bytes. {@link QdrantContractTest} runs the same against a real Qdrant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QdrantLargePagesTest {

    static final int DIMENSION = 1536;
    static final int MEMORIES = 1_000;
    private static final AstrocyteContext ADMIN = AstrocyteContext.of("service:loader");

    private SimulatedQdrantServer server;
    private QdrantClient client;

    /** The client the stores use; over loopback to the simulation here, to a real Qdrant in the subclass. */
    QdrantClient connect() throws Exception {
        server = SimulatedQdrantServer.overLoopback();
        return server.client();
    }

    @BeforeAll
    void start() throws Exception {
        client = connect();
    }

    @AfterAll
    void stop() {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    private QdrantVectorStore store(String collection) {
        return QdrantVectorStore.builder().client(client)
                .collection(collection + "_" + java.util.UUID.randomUUID().toString().replace("-", ""))
                .dimension(DIMENSION).embeddingModel("hashing-" + DIMENSION).build();
    }

    private static List<VectorItem> items(String bank, int n) {
        List<VectorItem> out = new ArrayList<>();
        HashingEmbedder embedder = new HashingEmbedder(DIMENSION);
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String text = "memory " + i + " about topic " + (i % 37);
            // every tenth pair shares a retained_at, so pages end inside runs of ties too
            out.add(new VectorItem("m" + i, bank, embedder.embed(text), text, Map.of("n", i), List.of("t" + (i % 3)),
                    null, null, "fact", t0.plusMillis(i - (i % 10 == 1 ? 1 : 0)), "m" + i + "#0", "test", null));
        }
        return out;
    }

    @Test
    void aBankOfAThousand1536dMemoriesListsInOnePageCall() {
        try (QdrantVectorStore store = store("large_list")) {
            store.storeVectors(items("bank", MEMORIES));
            List<VectorItem> all = store.listVectors("bank", 0, MEMORIES, VectorFilters.none());
            assertThat(all).hasSize(MEMORIES);
            assertThat(all).extracting(VectorItem::id).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(i -> assertThat(i.vector()).hasSize(DIMENSION));
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).retainedAt()).isAfterOrEqualTo(all.get(i - 1).retainedAt());
            }
            assertThat(store.listVectors("bank", 400, 300, VectorFilters.none())).extracting(VectorItem::id)
                    .containsExactlyElementsOf(all.subList(400, 700).stream().map(VectorItem::id).toList());
        }
    }

    @Test
    void exportImportIntoAFullBankAndForgetBySelectorWorkThroughTheFacade() {
        QdrantVectorStore store = store("large_facade");
        store.storeVectors(items("source", MEMORIES));
        store.storeVectors(items("target", MEMORIES));
        AstrocyteConfig config = AstrocyteConfig.defaultConfig().withAccessGrants(List.of(new AccessGrantConfig("*",
                ADMIN.principal(), List.of("read", "write", "forget", "admin"))));
        try (Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(DIMENSION))
                .governanceStore(new InMemoryGovernanceStore()).config(config).build()) {
            ByteArrayOutputStream ama = new ByteArrayOutputStream();
            assertThat(brain.exportBank(ExportRequest.of("source").withEmbeddings(), ama, ADMIN))
                    .isEqualTo(MEMORIES);
            ImportResult imported = brain.importBank(ImportRequest.of("target"),
                    new ByteArrayInputStream(ama.toByteArray()), ADMIN);
            assertThat(imported.imported()).isEqualTo(MEMORIES);
            assertThat(brain.memoryCount("target", ADMIN)).isEqualTo(2L * MEMORIES);
            assertThat(brain.forget(ForgetRequest.byTags("target", List.of("t0")), ADMIN).deletedCount())
                    .isEqualTo(2 * 334);
            assertThat(brain.recall(RecallRequest.of("target", "memory 5 about topic 5"), ADMIN).hits()).isNotEmpty();
        }
    }
}
