package io.astrocyte.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.astrocyte.ConfigException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.config.EscalationConfig;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.Points;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How the store copes with what a real Qdrant server does, at the sizes where it shows: OpenAI-sized
 * embeddings (1536-d) and banks of 1,000 memories over a real network channel, against
 * {@link SimulatedQdrantServer#overLoopback()} (a test double served through Netty on 127.0.0.1, whose client
 * keeps gRPC's default 4 MiB inbound limit, as a client built by an application would). Each test names
 * the finding of issue 16 it covers: pages of such points must be sized by bytes (1); payload indexes missing
 * after an interrupted setup come back on the next start (2); a collection with another distance or
 * without IDF is refused (3); a caller's bad request is no store failure (4); forget counts exactly under
 * concurrency (7). {@link QdrantServerBehaviourRealServerTest} runs the same against a real Qdrant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QdrantServerBehaviourTest {

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
        return items(bank, n, "m");
    }

    private static List<VectorItem> items(String bank, int n, String idPrefix) {
        List<VectorItem> out = new ArrayList<>();
        HashingEmbedder embedder = new HashingEmbedder(DIMENSION);
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String text = "memory " + i + " about topic " + (i % 37);
            // every tenth pair shares a retained_at, so pages end inside runs of ties too
            out.add(new VectorItem(idPrefix + i, bank, embedder.embed(text), text, Map.of("n", i), List.of("t" + (i % 3)),
                    null, null, "fact", t0.plusMillis(i - (i % 10 == 1 ? 1 : 0)), idPrefix + i + "#0", "test", null));
        }
        return out;
    }

    /** Finding 1. */
    @Test
    void aBankOfAThousand1536dMemoriesListsInOnePageCall() {
        try (QdrantVectorStore store = store("large_list")) {
            store.storeVectors(items("bank", MEMORIES));
            List<VectorItem> all = store.listVectors("bank", null, MEMORIES, VectorFilters.none());
            assertThat(all).hasSize(MEMORIES);
            assertThat(all).extracting(VectorItem::id).doesNotHaveDuplicates();
            assertThat(all).allSatisfy(i -> assertThat(i.vector()).hasSize(DIMENSION));
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).retainedAt()).isAfterOrEqualTo(all.get(i - 1).retainedAt());
            }
            assertThat(store.listVectors("bank", io.astrocyte.spi.ListCursor.after(all.get(399)), 300,
                    VectorFilters.none())).extracting(VectorItem::id)
                    .containsExactlyElementsOf(all.subList(400, 700).stream().map(VectorItem::id).toList());
        }
    }

    /** Finding 1: import checks the full bank, forget by selector lists it, both without vectors. */
    @Test
    void exportImportIntoAFullBankAndForgetBySelectorWorkThroughTheFacade() {
        QdrantVectorStore store = store("large_facade");
        store.storeVectors(items("source", MEMORIES));
        // ids of its own, since a line whose id is already in the bank is a conflict
        store.storeVectors(items("target", MEMORIES, "t"));
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

    /** Finding 1: callers that need no vectors get none, and the same page. */
    @Test
    void listingWithoutVectorsReadsTheSamePagesWithoutTheirVectors() {
        try (QdrantVectorStore store = store("large_items")) {
            store.storeVectors(items("bank", MEMORIES));
            List<VectorItem> items = store.listItems("bank", null, MEMORIES, VectorFilters.none());
            assertThat(items).hasSize(MEMORIES).allSatisfy(i -> assertThat(i.vector()).isNull());
            assertThat(items).extracting(VectorItem::id).containsExactlyElementsOf(store.listVectors("bank", null,
                    MEMORIES, VectorFilters.none()).stream().map(VectorItem::id).toList());
        }
    }

    /**
     * Findings 2 and 4: a collection whose order_by indexes went missing (another instance died between
     * creating it and its indexes) fails recency reads as the caller's bad request, which never opens the
     * circuit breaker; the next start creates the indexes again and the same facade works.
     */
    @Test
    void missingIndexesAreABadRequestUntilTheNextStartCreatesThemAgain() throws Exception {
        QdrantVectorStore store = store("large_indexes");
        store.storeVectors(items("bank", MEMORIES));
        for (String field : List.of(Payload.EVENT_TIME, Payload.RETAINED_AT)) {
            client.deletePayloadIndexAsync(store.collection(), field, true, null, null).get();
        }
        assertThatThrownBy(() -> store.listRecent("bank", 5, VectorFilters.none()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("order_by");
        AstrocyteConfig config = AstrocyteConfig.defaultConfig()
                .withAccessGrants(List.of(new AccessGrantConfig("*", ADMIN.principal(), List.of("read", "write"))))
                .withEscalation(new EscalationConfig(new EscalationConfig.CircuitBreaker(2, 600, 1),
                        EscalationConfig.DegradedMode.ERROR, null));
        try (Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(DIMENSION))
                .governanceStore(new InMemoryGovernanceStore()).config(config).build()) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> brain.recall(RecallRequest.of("bank", "memory 5 about topic 5"), ADMIN))
                        .isInstanceOf(InvalidRequestException.class);
            }
            QdrantVectorStore.builder().client(client).collection(store.collection()).dimension(DIMENSION)
                    .embeddingModel("hashing-" + DIMENSION).build().close();
            assertThat(brain.recall(RecallRequest.of("bank", "memory 5 about topic 5"), ADMIN).hits())
                    .as("the breaker stayed closed through four bad requests").isNotEmpty();
            assertThat(store.listVectors("bank", null, MEMORIES, VectorFilters.none())).hasSize(MEMORIES);
        }
    }

    /** Finding 3: a full collection with another distance, or a sparse vector without IDF, is refused. */
    @Test
    void aFullCollectionWithAnotherDistanceOrWithoutIdfIsRefused() throws Exception {
        String dot = "large_dot_" + java.util.UUID.randomUUID().toString().replace("-", "");
        String plain = "large_tf_" + java.util.UUID.randomUUID().toString().replace("-", "");
        foreignCollection(dot, Collections.Distance.Dot, Collections.Modifier.Idf);
        foreignCollection(plain, Collections.Distance.Cosine, Collections.Modifier.None);
        assertThatThrownBy(() -> QdrantVectorStore.builder().client(client).collection(dot).dimension(DIMENSION).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("Dot distance");
        assertThatThrownBy(() -> QdrantVectorStore.builder().client(client).collection(plain).dimension(DIMENSION)
                .build()).isInstanceOf(ConfigException.class).hasMessageContaining("without the Idf modifier");
        assertThat(client.countAsync(dot).get()).as("nothing was changed").isEqualTo(MEMORIES);
    }

    private void foreignCollection(String name, Collections.Distance distance, Collections.Modifier modifier)
            throws Exception {
        client.createCollectionAsync(Collections.CreateCollection.newBuilder().setCollectionName(name)
                .setVectorsConfig(Collections.VectorsConfig.newBuilder().setParamsMap(Collections.VectorParamsMap
                        .newBuilder().putMap(Payload.DENSE, Collections.VectorParams.newBuilder().setSize(DIMENSION)
                                .setDistance(distance).build())))
                .setSparseVectorsConfig(Collections.SparseVectorConfig.newBuilder().putMap(Payload.SPARSE,
                        Collections.SparseVectorParams.newBuilder().setModifier(modifier).build()))
                .build()).get();
        HashingEmbedder embedder = new HashingEmbedder(DIMENSION);
        List<Points.PointStruct> points = new ArrayList<>();
        for (int i = 0; i < MEMORIES; i++) {
            float[] v = embedder.embed("foreign point " + i);
            List<Float> data = new ArrayList<>();
            for (float x : v) {
                data.add(x);
            }
            points.add(Points.PointStruct.newBuilder().setId(io.qdrant.client.PointIdFactory.id(i))
                    .setVectors(io.qdrant.client.VectorsFactory.namedVectors(Map.of(Payload.DENSE,
                            io.qdrant.client.VectorFactory.vector(data)))).build());
            if (points.size() == 100) {
                client.upsertAsync(name, points).get();
                points.clear();
            }
        }
    }

    /** Finding 7: concurrent forgets of the same memories together report each memory once. */
    @Test
    void concurrentForgetsOfTheSameMemoriesCountEachOnce() throws Exception {
        try (QdrantVectorStore store = store("large_forget")) {
            store.storeVectors(items("bank", MEMORIES));
            Instant at = Instant.parse("2026-06-01T00:00:00Z");
            VectorFilters t0 = VectorFilters.ofTags(List.of("t0"));
            VectorFilters t1 = VectorFilters.ofTags(List.of("t1")).withIncludeForgotten(true);
            assertThat(concurrently(4, () -> store.forgetMatching("bank", t0, at))).as("soft deletes").isEqualTo(334);
            assertThat(concurrently(4, () -> store.forgetMatching("bank", t1, null))).as("erasures").isEqualTo(333);
            assertThat(store.count("bank", VectorFilters.none())).isEqualTo(333);
            assertThat(store.count("bank", VectorFilters.none().withIncludeForgotten(true))).isEqualTo(667);
        }
    }

    private static int concurrently(int threads, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            int sum = 0;
            for (Future<Integer> f : results) {
                sum += f.get();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Finding 7: points an erasure claimed before it died are taken over once the claim is stale and counted
     * by the call that erases them; a fresh claim of another call fails the erasure rather than leave them
     * unreported.
     */
    @Test
    void anErasureTakesOverStaleClaimsAndRefusesToReportSuccessOverFreshOnes() throws Exception {
        QdrantVectorStore store = QdrantVectorStore.builder().client(client)
                .collection("large_claims_" + java.util.UUID.randomUUID().toString().replace("-", ""))
                .dimension(DIMENSION).embeddingModel("hashing-" + DIMENSION)
                .timeout(java.time.Duration.ofSeconds(1)).maxRetries(0).build();
        try (store) {
            store.storeVectors(items("bank", MEMORIES));
            long now = System.currentTimeMillis();
            claim(store, "t2", "a-dead-call", now - 86_400_000L);
            claim(store, "t1", "a-live-call", now);
            VectorFilters t2 = VectorFilters.ofTags(List.of("t2")).withIncludeForgotten(true);
            VectorFilters t1 = VectorFilters.ofTags(List.of("t1")).withIncludeForgotten(true);
            assertThat(store.forgetMatching("bank", t2, null)).isEqualTo(333);
            assertThatThrownBy(() -> store.forgetMatching("bank", t1, null))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .hasMessageContaining("333 of the memories to erase in bank 'bank' are claimed by another");
            assertThat(store.count("bank", VectorFilters.none())).isEqualTo(MEMORIES - 333);
        }
    }

    private void claim(QdrantVectorStore store, String tag, String op, long at) throws Exception {
        client.setPayloadAsync(Points.SetPayloadPoints.newBuilder().setCollectionName(store.collection())
                .setWait(true).putPayload(Payload.ERASE_OP, io.qdrant.client.ValueFactory.value(op))
                .putPayload(Payload.ERASE_CLAIMED_AT, io.qdrant.client.ValueFactory.value(at))
                .setPointsSelector(Points.PointsSelector.newBuilder().setFilter(QdrantFilters.of("bank",
                        VectorFilters.ofTags(List.of(tag))))).build(), null).get();
    }
}
