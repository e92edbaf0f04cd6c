package io.astrocyte.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.hasId;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.ValueFactory.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.TimeRange;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.grpc.Status;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire tests: what {@link QdrantVectorStore} sends over gRPC for each operation and how it reads the
 * answers, against {@link RecordingQdrantServer} (a recording test double built on the client's generated
 * service classes, not Qdrant). The behaviour against a real Qdrant is covered by the contract tests in
 * {@code QdrantContractTest}.
 */
class QdrantWireTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private RecordingQdrantServer server;
    private QdrantClient client;

    /** The recording server; in process here, over a Netty channel on loopback in a subclass. */
    RecordingQdrantServer newServer() throws Exception {
        return RecordingQdrantServer.inProcess();
    }

    @BeforeEach
    void start() throws Exception {
        server = newServer();
        client = server.client();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private QdrantVectorStore store() {
        return QdrantVectorStore.builder().client(client).collection("memories").dimension(3)
                .embeddingModel("test-model").retryBackoff(Duration.ofMillis(1)).build();
    }

    /** Collection info of an existing Astrocyte collection. */
    static Collections.GetCollectionInfoResponse info(int dimension, String model, boolean sparse) {
        Collections.CollectionParams.Builder params = Collections.CollectionParams.newBuilder()
                .setVectorsConfig(Collections.VectorsConfig.newBuilder().setParamsMap(Collections.VectorParamsMap
                        .newBuilder().putMap("dense", Collections.VectorParams.newBuilder().setSize(dimension)
                                .setDistance(Collections.Distance.Cosine).build())));
        if (sparse) {
            params.setSparseVectorsConfig(Collections.SparseVectorConfig.newBuilder().putMap("bm25",
                    Collections.SparseVectorParams.newBuilder().setModifier(Collections.Modifier.Idf).build()));
        }
        Collections.CollectionConfig.Builder config = Collections.CollectionConfig.newBuilder().setParams(params);
        if (model != null) {
            config.putMetadata("astrocyte_embedding_model", value(model));
        }
        Collections.CollectionInfo.Builder info = Collections.CollectionInfo.newBuilder().setConfig(config)
                .setPointsCount(42);
        for (Points.CreateFieldIndexCollection index : CollectionSetup.indexRequests("memories")) {
            info.putPayloadSchema(index.getFieldName(), RecordingQdrantServer.schemaOf(index));
        }
        return Collections.GetCollectionInfoResponse.newBuilder().setResult(info).build();
    }

    private static Collections.CollectionExistsResponse exists(boolean exists) {
        return Collections.CollectionExistsResponse.newBuilder().setResult(Collections.CollectionExists.newBuilder()
                .setExists(exists)).build();
    }

    private QdrantVectorStore existingStore() {
        server.answer("collectionExists", exists(true)).answer("getCollection", info(3, "test-model", true));
        QdrantVectorStore s = store();
        server.calls.clear();
        return s;
    }

    private static VectorItem item(String id, String text, Instant retained) {
        return new VectorItem(id, "user-alice", new float[] {1, 0, 0}, text, Map.of("speaker", "Alice", "turn", 7),
                List.of("travel", "work"), "experience", T0.minusSeconds(3600), "fact", retained, id + "#0", "test",
                null);
    }

    private static Filter liveIn(String bank) {
        return Filter.newBuilder().addMust(matchKeyword("bank_id", bank)).addMust(isEmpty("forgotten_at"))
                .addMust(isEmpty("archived_at")).build();
    }

    @Test
    void createsTheCollectionWithAstrocytesSchemaAndPayloadIndexes() {
        QdrantVectorStore.builder().client(client).collection("memories").dimension(384).embeddingModel("minilm")
                .shardNumber(6).replicationFactor(2).writeConsistencyFactor(2).build();
        assertThat(server.methods()).startsWith("collectionExists", "createCollection");
        Collections.CreateCollection create = server.<Collections.CreateCollection>requests("createCollection").get(0);
        assertThat(create.getCollectionName()).isEqualTo("memories");
        Collections.VectorParams dense = create.getVectorsConfig().getParamsMap().getMapOrThrow("dense");
        assertThat(dense.getSize()).isEqualTo(384);
        assertThat(dense.getDistance()).isEqualTo(Collections.Distance.Cosine);
        assertThat(create.getSparseVectorsConfig().getMapOrThrow("bm25").getModifier())
                .isEqualTo(Collections.Modifier.Idf);
        assertThat(create.getShardNumber()).isEqualTo(6);
        assertThat(create.getReplicationFactor()).isEqualTo(2);
        assertThat(create.getWriteConsistencyFactor()).isEqualTo(2);
        assertThat(create.getMetadataMap()).containsEntry("astrocyte_embedding_model", value("minilm"))
                .containsEntry("astrocyte_schema", value(1));

        List<Points.CreateFieldIndexCollection> indexes = server.requests("createFieldIndex");
        assertThat(indexes).extracting(Points.CreateFieldIndexCollection::getFieldName).containsExactlyInAnyOrder(
                "bank_id", "memory_id", "tags", "fact_type", "memory_layer", "meta_kv", "session_id", "forget_op",
                "erase_op", "archive_op", "occurred_at", "retained_at", "event_time", "forgotten_at", "erase_claimed_at",
                "archived_at");
        assertThat(indexes).allMatch(i -> i.getWait() && i.getCollectionName().equals("memories"));
        Points.CreateFieldIndexCollection bank = indexes.stream().filter(i -> i.getFieldName().equals("bank_id"))
                .findFirst().orElseThrow();
        assertThat(bank.getFieldType()).isEqualTo(Points.FieldType.FieldTypeKeyword);
        assertThat(bank.getFieldIndexParams().getKeywordIndexParams().getIsTenant()).isTrue();
        Points.CreateFieldIndexCollection retained = indexes.stream()
                .filter(i -> i.getFieldName().equals("retained_at")).findFirst().orElseThrow();
        assertThat(retained.getFieldType()).isEqualTo(Points.FieldType.FieldTypeInteger);
        assertThat(retained.getFieldIndexParams().getIntegerIndexParams().getRange()).isTrue();
        assertThat(retained.getFieldIndexParams().getIntegerIndexParams().getEnableHnsw())
                .as("ordering only: no extra HNSW links").isFalse();
        assertThat(indexes.stream().filter(i -> i.getFieldName().equals("occurred_at")).findFirst().orElseThrow()
                .getFieldIndexParams().getIntegerIndexParams().hasEnableHnsw())
                .as("time-range filters keep them").isFalse();
        assertThat(bank.getFieldIndexParams().getKeywordIndexParams().hasEnableHnsw()).isFalse();
    }

    @Test
    void anExistingCollectionWithAnotherDistanceOrWithoutIdfIsRefused() {
        Collections.GetCollectionInfoResponse dot = info(3, "test-model", true);
        Collections.GetCollectionInfoResponse.Builder b = dot.toBuilder();
        b.getResultBuilder().getConfigBuilder().getParamsBuilder().getVectorsConfigBuilder().getParamsMapBuilder()
                .putMap("dense", Collections.VectorParams.newBuilder().setSize(3).setDistance(Collections.Distance.Dot)
                        .build());
        server.answer("collectionExists", exists(true)).answer("getCollection", b.build());
        assertThatThrownBy(this::store).isInstanceOf(ConfigException.class).hasMessageContaining("by Dot distance")
                .hasMessageContaining("assuming Cosine");

        Collections.GetCollectionInfoResponse.Builder noIdf = info(3, "test-model", true).toBuilder();
        noIdf.getResultBuilder().getConfigBuilder().getParamsBuilder().getSparseVectorsConfigBuilder()
                .putMap("bm25", Collections.SparseVectorParams.getDefaultInstance());
        server.answer("collectionExists", exists(true)).answer("getCollection", noIdf.build());
        assertThatThrownBy(this::store).isInstanceOf(ConfigException.class).hasMessageContaining("without the Idf")
                .hasMessageContaining("term frequency alone");
    }

    @Test
    void missingPayloadIndexesAreCreatedOnEveryStart() {
        Collections.GetCollectionInfoResponse.Builder partial = info(3, "test-model", true).toBuilder();
        partial.getResultBuilder().removePayloadSchema("retained_at").removePayloadSchema("bank_id");
        // event_time indexed as an integer without range support: order_by would be refused
        partial.getResultBuilder().putPayloadSchema("event_time", Collections.PayloadSchemaInfo.newBuilder()
                .setDataType(Collections.PayloadSchemaType.Integer).build());
        server.answer("collectionExists", exists(true)).answer("getCollection", partial.build());
        store();
        assertThat(server.<Points.CreateFieldIndexCollection>requests("createFieldIndex"))
                .extracting(Points.CreateFieldIndexCollection::getFieldName)
                .containsExactlyInAnyOrder("retained_at", "bank_id", "event_time");
    }

    @Test
    void aCreateThatAlreadyHappenedStillGetsItsIndexes() {
        // The create timed out, its retry (or another instance) met ALREADY_EXISTS; the indexes are missing.
        server.answer("collectionExists", exists(false))
                .answer("createCollection", Status.ALREADY_EXISTS.withDescription("Collection `memories` already exists"));
        Collections.GetCollectionInfoResponse.Builder bare = info(3, "test-model", true).toBuilder();
        bare.getResultBuilder().clearPayloadSchema();
        server.answer("getCollection", bare.build());
        store();
        assertThat(server.<Points.CreateFieldIndexCollection>requests("createFieldIndex")).hasSize(CollectionSetup.KEYWORD_FIELDS.size() + CollectionSetup.TIME_FIELDS.size());
    }

    @Test
    void anExistingCollectionMustMatchTheEmbeddingSpace() {
        server.answer("collectionExists", exists(true)).answer("getCollection", info(768, "test-model", true));
        assertThatThrownBy(this::store).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'memories' holds 768-d vectors, but the embedder is 3-d");
        server.answer("collectionExists", exists(true)).answer("getCollection", info(3, "other-model", true));
        assertThatThrownBy(this::store).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vectors of 'other-model', but the embedder is 'test-model'");
        server.answer("collectionExists", exists(true)).answer("getCollection", info(3, null, false));
        assertThatThrownBy(this::store).isInstanceOf(ConfigException.class).hasMessageContaining("no sparse vector");
        server.answer("collectionExists", exists(false));
        assertThatThrownBy(() -> QdrantVectorStore.builder().client(client).collection("memories").dimension(3)
                .autoCreate(false).build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist and auto_create is off");
        server.answer("collectionExists", exists(true)).answer("getCollection", info(3, "test-model", true));
        store();
        assertThat(server.methods()).doesNotContain("createCollection", "createFieldIndex");
    }

    @Test
    void upsertsPointsWithDeterministicIdsPayloadAndBothVectors() {
        QdrantVectorStore store = existingStore();
        assertThat(store.storeVectors(List.of(item("m1", "Alice booked flights to Lisbon; flights!", T0))))
                .containsExactly("m1");
        Points.UpsertPoints upsert = server.<Points.UpsertPoints>requests("upsert").get(0);
        assertThat(upsert.getWait()).as("acknowledged only once Qdrant has it").isTrue();
        Points.PointStruct p = upsert.getPoints(0);
        assertThat(p.getId()).isEqualTo(PointIdFactory.id(UUID.fromString("377cb8a7-d198-52f1-93d1-266395eb8037")));
        Map<String, Value> payload = p.getPayloadMap();
        assertThat(payload.get("bank_id").getStringValue()).isEqualTo("user-alice");
        assertThat(payload.get("memory_id").getStringValue()).isEqualTo("m1");
        assertThat(payload.get("text").getStringValue()).isEqualTo("Alice booked flights to Lisbon; flights!");
        assertThat(payload.get("tags").getListValue().getValuesList()).extracting(Value::getStringValue)
                .containsExactly("travel", "work");
        assertThat(payload.get("fact_type").getStringValue()).isEqualTo("experience");
        assertThat(payload.get("memory_layer").getStringValue()).isEqualTo("fact");
        assertThat(payload.get("occurred_at").getIntegerValue()).isEqualTo(T0.minusSeconds(3600).toEpochMilli());
        assertThat(payload.get("retained_at").getIntegerValue()).isEqualTo(T0.toEpochMilli());
        assertThat(payload.get("event_time").getIntegerValue()).isEqualTo(T0.minusSeconds(3600).toEpochMilli());
        assertThat(payload).doesNotContainKey("forgotten_at");
        assertThat(payload.get("meta_kv").getListValue().getValuesList()).extracting(Value::getStringValue)
                .containsExactlyInAnyOrder("speaker\u001fs:Alice", "turn\u001fn:7");
        assertThat(payload.get("meta_json").getStringValue()).contains("\"turn\":7");

        Map<String, Points.Vector> vectors = p.getVectors().getVectors().getVectorsMap();
        assertThat(vectors.get("dense").getDense().getDataList()).containsExactly(1f, 0f, 0f);
        Points.SparseVector sparse = vectors.get("bm25").getSparse();
        // English analyzer: alice, book, flight (twice), lisbon; "to" is a stop word
        assertThat(sparse.getIndicesList()).hasSize(4).doesNotHaveDuplicates();
        int flight = Bm25Encoder.index("flight");
        int at = sparse.getIndicesList().indexOf(flight);
        assertThat(at).isNotNegative();
        float once = sparse.getValues(sparse.getIndicesList().indexOf(Bm25Encoder.index("lisbon")));
        assertThat(sparse.getValues(at)).as("tf 2 weighs more than tf 1, saturating").isGreaterThan(once)
                .isLessThan(2 * once);
    }

    @Test
    void vectorSearchSendsTheBankAndVisibilityFilterAndRescalesScores() {
        QdrantVectorStore store = existingStore();
        Map<String, Value> payload = PointCodec.payload(item("m1", "Alice likes tea", T0));
        server.answer("query", Points.QueryResponse.newBuilder().addResult(Points.ScoredPoint.newBuilder()
                .setScore(0.6f).putAllPayload(payload)).addResult(Points.ScoredPoint.newBuilder().setScore(-0.2f)
                        .putAllPayload(payload)).build());
        List<VectorHit> hits = store.searchSimilar(new float[] {0, 1, 0}, "user-alice", 7, VectorFilters.none());
        Points.QueryPoints q = server.<Points.QueryPoints>requests("query").get(0);
        assertThat(q.getCollectionName()).isEqualTo("memories");
        assertThat(q.getUsing()).isEqualTo("dense");
        assertThat(q.getQuery().getNearest().getDense().getDataList()).containsExactly(0f, 1f, 0f);
        assertThat(q.getLimit()).isEqualTo(7);
        assertThat(q.getFilter()).isEqualTo(liveIn("user-alice"));
        assertThat(hits.get(0).score()).as("(1 + 0.6) / 2").isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(hits.get(1).score()).as("(1 - 0.2) / 2").isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(hits.get(0).text()).isEqualTo("Alice likes tea");
        assertThat(hits.get(0).metadata()).containsEntry("speaker", "Alice");
        assertThat(hits.get(0).tags()).containsExactly("travel", "work");
        assertThat(hits.get(0).occurredAt()).isEqualTo(T0.minusSeconds(3600));
    }

    @Test
    void everyFilterBecomesAPayloadCondition() {
        QdrantVectorStore store = existingStore();
        Instant asOf = T0.plusSeconds(60);
        VectorFilters all = new VectorFilters(Set.of("work", "travel"), Set.of("experience"),
                new TimeRange(T0.minusSeconds(7200), T0), Map.of("speaker", "Alice"), asOf, "s-1", false);
        store.searchSimilar(new float[] {1, 0, 0}, "b1", 5, all);
        Filter expected = Filter.newBuilder().addMust(matchKeyword("bank_id", "b1"))
                .addMust(range("retained_at", Range.newBuilder().setLte(asOf.toEpochMilli()).build()))
                .addMust(filter(Filter.newBuilder().addShould(isEmpty("forgotten_at"))
                        .addShould(range("forgotten_at", Range.newBuilder().setGt(asOf.toEpochMilli()).build()))
                        .build()))
                .addMust(filter(Filter.newBuilder().addShould(isEmpty("archived_at"))
                        .addShould(range("archived_at", Range.newBuilder().setGt(asOf.toEpochMilli()).build()))
                        .build()))
                .addMust(matchKeywords("tags", List.of("travel", "work")))
                .addMust(matchKeywords("fact_type", List.of("experience")))
                .addMust(range("occurred_at", Range.newBuilder().setGte(T0.minusSeconds(7200).toEpochMilli())
                        .setLt(T0.toEpochMilli()).build()))
                .addMust(matchKeyword("meta_kv", "speaker\u001fs:Alice"))
                .addMust(matchKeyword("session_id", "s-1")).build();
        assertThat(server.<Points.QueryPoints>requests("query").get(0).getFilter()).isEqualTo(expected);

        store.count("b1", VectorFilters.none().withIncludeForgotten(true));
        Points.CountPoints count = server.<Points.CountPoints>requests("count").get(0);
        assertThat(count.getExact()).isTrue();
        assertThat(count.getFilter()).as("include_forgotten drops visibility, keeps the bank")
                .isEqualTo(Filter.newBuilder().addMust(matchKeyword("bank_id", "b1")).build());
    }

    @Test
    void keywordSearchSendsASparseQueryAndScalesToTheBestHit() {
        QdrantVectorStore store = existingStore();
        Map<String, Value> payload = PointCodec.payload(item("m1", "flights to Lisbon", T0));
        server.answer("query", Points.QueryResponse.newBuilder().addResult(Points.ScoredPoint.newBuilder()
                .setScore(4f).putAllPayload(payload)).addResult(Points.ScoredPoint.newBuilder().setScore(1f)
                        .putAllPayload(payload)).build());
        List<VectorHit> hits = store.searchKeyword("Flights to LISBON", "user-alice", 3, VectorFilters.none());
        Points.QueryPoints q = server.<Points.QueryPoints>requests("query").get(0);
        assertThat(q.getUsing()).isEqualTo("bm25");
        Points.SparseVector sparse = q.getQuery().getNearest().getSparse();
        assertThat(sparse.getIndicesList()).containsExactlyInAnyOrder(Bm25Encoder.index("flight"),
                Bm25Encoder.index("lisbon"));
        assertThat(sparse.getValuesList()).containsOnly(1f);
        assertThat(q.getFilter()).isEqualTo(liveIn("user-alice"));
        assertThat(hits).extracting(VectorHit::score).containsExactly(1.0, 0.25);

        server.calls.clear();
        assertThat(store.searchKeyword("to the of", "user-alice", 3, VectorFilters.none()))
                .as("only stop words: nothing to ask").isEmpty();
        assertThat(server.calls).isEmpty();
    }

    @Test
    void softDeleteStampsLiveMatchesWithItsOwnOperationThenCountsThatStamp() {
        QdrantVectorStore store = existingStore();
        server.answer("count", Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder()
                .setCount(1)).build());
        Instant at = T0.plusSeconds(5);
        assertThat(store.softDelete(List.of("m1", "m1", "missing"), "user-alice", at)).isEqualTo(1);
        assertThat(server.methods()).containsExactly("setPayload", "count");
        Filter anyLive = Filter.newBuilder().addMust(matchKeyword("bank_id", "user-alice"))
                .addMust(isEmpty("forgotten_at")).build(); // archived memories can be forgotten too
        Filter selector = anyLive.toBuilder().addMust(hasId(List.of(
                PointIdFactory.id(UUID.fromString("377cb8a7-d198-52f1-93d1-266395eb8037")),
                PointIdFactory.id(PointIds.of("user-alice", "missing"))))).addMust(isEmpty("forgotten_at")).build();
        Points.SetPayloadPoints set = server.<Points.SetPayloadPoints>requests("setPayload").get(0);
        assertThat(set.getWait()).isTrue();
        assertThat(set.getPointsSelector().getFilter()).as("only points still live change").isEqualTo(selector);
        assertThat(set.getPayloadMap()).containsEntry("forgotten_at", value(at.toEpochMilli()))
                .containsKey("forget_op").hasSize(2);
        Value op = set.getPayloadMap().get("forget_op");
        assertThat(server.<Points.CountPoints>requests("count").get(0).getFilter())
                .as("counts the points this call stamped, not what matched before").isEqualTo(Filter.newBuilder()
                        .addMust(matchKeyword("bank_id", "user-alice"))
                        .addMust(matchKeyword("forget_op", op.getStringValue())).build());

        server.calls.clear();
        assertThat(store.softDelete(List.of("gone"), "user-alice", at)).isZero();
        assertThat(server.<Points.SetPayloadPoints>requests("setPayload").get(0).getPayloadMap().get("forget_op"))
                .as("every call has its own operation id").isNotEqualTo(op);
    }

    @Test
    void deleteClaimsUnclaimedMatchesCountsItsClaimThenDeletesByClaim() {
        QdrantVectorStore store = existingStore();
        server.answer("count", Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder()
                .setCount(2)).build());
        assertThat(store.delete(List.of("a", "b"), "bank-x")).isEqualTo(2);
        assertThat(server.methods()).containsExactly("setPayload", "count", "delete", "count");
        Filter matching = Filter.newBuilder().addMust(matchKeyword("bank_id", "bank-x")).addMust(hasId(List.of(
                PointIdFactory.id(PointIds.of("bank-x", "a")), PointIdFactory.id(PointIds.of("bank-x", "b"))))).build();
        Points.SetPayloadPoints claim = server.<Points.SetPayloadPoints>requests("setPayload").get(0);
        String op = claim.getPayloadMap().get("erase_op").getStringValue();
        long claimedAt = claim.getPayloadMap().get("erase_claimed_at").getIntegerValue();
        Filter claimable = claim.getPointsSelector().getFilter();
        assertThat(claimable.getMustList().subList(0, 2)).isEqualTo(matching.getMustList());
        assertThat(claimable.getMust(2).getFilter().getShouldList()).as("unclaimed, or claimed by a call long dead")
                .containsExactly(isEmpty("erase_op"), range("erase_claimed_at", Range.newBuilder()
                        .setLt(claimedAt - 4L * (3 + 1) * 10_000).build()));
        Filter mine = Filter.newBuilder().addMust(matchKeyword("bank_id", "bank-x"))
                .addMust(matchKeyword("erase_op", op)).build();
        assertThat(server.<Points.CountPoints>requests("count").get(0).getFilter()).isEqualTo(mine);
        Points.DeletePoints delete = server.<Points.DeletePoints>requests("delete").get(0);
        assertThat(delete.getWait()).isTrue();
        assertThat(delete.getPoints().getFilter()).isEqualTo(mine);
        assertThat(server.<Points.CountPoints>requests("count").get(1).getFilter())
                .as("then checks no matching point is left claimed by another call")
                .isEqualTo(matching.toBuilder().addMustNot(isEmpty("erase_op")).build());
    }

    @Test
    void anErasureFailsWhileMatchingMemoriesStayClaimedByAnotherCall() {
        server.answer("collectionExists", exists(true)).answer("getCollection", info(3, "test-model", true));
        QdrantVectorStore store = QdrantVectorStore.builder().client(client).collection("memories").dimension(3)
                .embeddingModel("test-model").timeout(Duration.ofMillis(300)).maxRetries(0).build();
        server.calls.clear();
        for (int i = 0; i < 200; i++) { // own claims 0, foreign claims 7, for as long as the call waits
            server.answer("count", Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder()
                    .setCount(i % 2 == 0 ? 0 : 7)).build());
        }
        assertThatThrownBy(() -> store.forgetMatching("b1", VectorFilters.none().withIncludeForgotten(true), null))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("7 of the memories to erase in bank 'b1' are claimed by another erasure")
                .hasMessageContaining("Retry after 1 s");
        assertThat(server.methods()).doesNotContain("delete");
    }

    @Test
    void forgetByFilterIsOneFilteredWriteAndOneCount() {
        QdrantVectorStore store = existingStore();
        server.answer("count", Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder()
                .setCount(3)).build());
        Instant at = T0.plusSeconds(9);
        assertThat(store.forgetMatching("b1", VectorFilters.ofTags(List.of("tmp")), at)).isEqualTo(3);
        Filter tagged = liveIn("b1").toBuilder().addMust(matchKeywords("tags", List.of("tmp")))
                .addMust(isEmpty("forgotten_at")).build();
        assertThat(server.methods()).containsExactly("setPayload", "count");
        assertThat(server.<Points.SetPayloadPoints>requests("setPayload").get(0).getPointsSelector().getFilter())
                .isEqualTo(tagged);

        server.calls.clear();
        server.answer("count", Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder()
                .setCount(5)).build());
        assertThat(store.forgetMatching("b1", VectorFilters.none().withIncludeForgotten(true), null)).isEqualTo(5);
        assertThat(server.methods()).containsExactly("setPayload", "count", "delete", "count");
        assertThat(server.<Points.SetPayloadPoints>requests("setPayload").get(0).getPointsSelector().getFilter()
                .getMust(0)).as("purging a whole bank: the bank condition, then the claim condition")
                .isEqualTo(matchKeyword("bank_id", "b1"));
    }

    @Test
    void longIdListsAreSentInBatches() {
        QdrantVectorStore store = existingStore();
        List<String> ids = java.util.stream.IntStream.range(0, 2500).mapToObj(i -> "m" + i).toList();
        for (int i = 0; i < 3; i++) {
            server.answer("count", Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder()
                    .setCount(i == 2 ? 500 : 1000)).build());
        }
        assertThat(store.softDelete(ids, "b1", T0)).isEqualTo(2500);
        List<Points.SetPayloadPoints> sets = server.requests("setPayload");
        assertThat(sets).hasSize(3);
        assertThat(sets).extracting(r -> r.getPointsSelector().getFilter().getMust(2).getHasId().getHasIdCount())
                .containsExactly(1000, 1000, 500);
    }

    private static Points.RetrievedPoint retrieved(String id, Instant retained) {
        return Points.RetrievedPoint.newBuilder().putAllPayload(PointCodec.payload(item(id, "text " + id, retained)))
                .setVectors(Points.VectorsOutput.newBuilder().setVectors(Points.NamedVectorsOutput.newBuilder()
                        .putVectors("dense", Points.VectorOutput.newBuilder().setDense(Points.DenseVector.newBuilder()
                                .addAllData(List.of(0.6f, 0.8f, 0f))).build()))).build();
    }

    @Test
    void listingPagesInRetainedAtThenIdOrderAcrossTies() {
        QdrantVectorStore store = existingStore();
        Instant t1 = T0.plusMillis(1);
        // ordered page of 3: a@T0, c@t1, b@t1 (Qdrant leaves ties unordered)
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("a", T0))
                .addResult(retrieved("c", t1)).addResult(retrieved("b", t1)).build());
        // every point with retained_at = t1: b, c, d
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("d", t1))
                .addResult(retrieved("b", t1)).addResult(retrieved("c", t1)).build());
        List<VectorItem> page = store.listVectors("user-alice", null, 3, VectorFilters.none());
        assertThat(page).extracting(VectorItem::id).containsExactly("a", "b", "c");
        page = page.subList(1, 3);
        assertThat(page.get(0).vector()).containsExactly(0.6f, 0.8f, 0f);
        assertThat(page.get(0).metadata()).containsEntry("turn", 7);

        List<Points.ScrollPoints> scrolls = server.requests("scroll");
        assertThat(scrolls.get(0).getLimit()).isEqualTo(3);
        assertThat(scrolls.get(0).getOrderBy().getKey()).isEqualTo("retained_at");
        assertThat(scrolls.get(0).getOrderBy().getDirection()).isEqualTo(Points.Direction.Asc);
        assertThat(scrolls.get(0).getWithVectors().getInclude().getNamesList()).containsExactly("dense");
        assertThat(scrolls.get(0).getFilter()).isEqualTo(liveIn("user-alice"));
        assertThat(scrolls.get(1).getFilter()).isEqualTo(liveIn("user-alice").toBuilder().addMust(range(
                "retained_at", Range.newBuilder().setGte(t1.toEpochMilli()).setLte(t1.toEpochMilli()).build()))
                .build());
    }

    @Test
    void sequentialPagesContinueFromTheLastPageInsteadOfRereading() {
        QdrantVectorStore store = existingStore();
        Instant t1 = T0.plusMillis(1);
        Instant t2 = T0.plusMillis(2);
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("a", T0))
                .addResult(retrieved("b", t1)).build());
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("c", t1))
                .addResult(retrieved("b", t1)).build());
        assertThat(store.listVectors("user-alice", null, 2, VectorFilters.none())).extracting(VectorItem::id)
                .containsExactly("a", "b");

        server.calls.clear();
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("b", t1))
                .addResult(retrieved("c", t1)).build());
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("d", t2)).build());
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("d", t2)).build());
        assertThat(store.listVectors("user-alice", new io.astrocyte.spi.ListCursor(t1, "b"), 2, VectorFilters.none()))
                .extracting(VectorItem::id).containsExactly("c", "d");
        List<Points.ScrollPoints> scrolls = server.requests("scroll");
        long m1 = t1.toEpochMilli();
        assertThat(scrolls.get(0).getFilter()).as("the rest of the tie group where page one ended")
                .isEqualTo(liveIn("user-alice").toBuilder().addMust(range("retained_at", Range.newBuilder()
                        .setGte(m1).setLte(m1).build())).build());
        assertThat(scrolls.get(1).getFilter()).as("then onwards, not from the start").isEqualTo(liveIn("user-alice")
                .toBuilder().addMust(range("retained_at", Range.newBuilder().setGt(m1).build())).build());
        assertThat(scrolls.get(1).getLimit()).isEqualTo(1);
        assertThat(scrolls).noneMatch(r -> r.getFilter().equals(liveIn("user-alice")));
    }

    @Test
    void recentListingOrdersByEventTimeDescending() {
        QdrantVectorStore store = existingStore();
        server.answer("scroll", Points.ScrollResponse.newBuilder().addResult(retrieved("x", T0)).build());
        List<VectorHit> recent = store.listRecent("user-alice", 4, VectorFilters.none());
        assertThat(recent).extracting(VectorHit::id, VectorHit::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple("x", 0.0));
        Points.ScrollPoints scroll = server.<Points.ScrollPoints>requests("scroll").get(0);
        assertThat(scroll.getOrderBy().getKey()).isEqualTo("event_time");
        assertThat(scroll.getOrderBy().getDirection()).isEqualTo(Points.Direction.Desc);
        assertThat(scroll.getLimit()).isEqualTo(4);
        assertThat(scroll.getWithVectors().getEnable()).isFalse();
    }

    @Test
    void aRateLimitersRetryAfterIsHonouredAndALongOneFailsFast() {
        QdrantVectorStore store = existingStore();
        io.grpc.Metadata trailers = new io.grpc.Metadata();
        trailers.put(GrpcCalls.RETRY_AFTER, "0.05");
        server.answer("upsert", Status.RESOURCE_EXHAUSTED.withDescription("Rate limiting exceeded")
                .asRuntimeException(trailers));
        store.storeVectors(List.of(item("m1", "after the rate limit", T0)));
        assertThat(server.methods()).containsExactly("upsert", "upsert");

        server.calls.clear();
        io.grpc.Metadata longWait = new io.grpc.Metadata();
        longWait.put(GrpcCalls.RETRY_AFTER, "3600");
        server.answer("upsert", Status.RESOURCE_EXHAUSTED.withDescription("Rate limiting exceeded")
                .asRuntimeException(longWait));
        assertThatThrownBy(() -> store.storeVectors(List.of(item("m2", "too long to wait", T0))))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("retry after 3600 s");
        assertThat(server.methods()).containsExactly("upsert");
    }

    @Test
    void writesAreOrderedAndReadsOfAReplicatedCollectionAskAMajority() {
        Collections.GetCollectionInfoResponse.Builder replicated = info(3, "test-model", true).toBuilder();
        replicated.getResultBuilder().getConfigBuilder().getParamsBuilder().setReplicationFactor(3);
        server.answer("collectionExists", exists(true)).answer("getCollection", replicated.build());
        QdrantVectorStore store = store();
        server.calls.clear();
        store.storeVectors(List.of(item("m1", "ordered", T0)));
        store.softDelete(List.of("m1"), "user-alice", T0);
        store.searchSimilar(new float[] {1, 0, 0}, "user-alice", 3, VectorFilters.none());
        store.listVectors("user-alice", null, 5, VectorFilters.none());
        assertThat(server.<Points.UpsertPoints>requests("upsert").get(0).getOrdering().getType())
                .isEqualTo(Points.WriteOrderingType.Medium);
        assertThat(server.<Points.CountPoints>requests("count").get(0).getReadConsistency().getType())
                .isEqualTo(Points.ReadConsistencyType.Majority);
        assertThat(server.<Points.QueryPoints>requests("query").get(0).getReadConsistency().getType())
                .isEqualTo(Points.ReadConsistencyType.Majority);
        assertThat(server.<Points.ScrollPoints>requests("scroll").get(0).getReadConsistency().getType())
                .isEqualTo(Points.ReadConsistencyType.Majority);

        server.answer("collectionExists", exists(true)).answer("getCollection", info(3, "test-model", true));
        QdrantVectorStore single = QdrantVectorStore.builder().client(client).collection("memories").dimension(3)
                .embeddingModel("test-model").writeOrdering("strong").build();
        server.calls.clear();
        single.searchSimilar(new float[] {1, 0, 0}, "user-alice", 3, VectorFilters.none());
        single.storeVectors(List.of(item("m2", "strong", T0)));
        assertThat(server.<Points.QueryPoints>requests("query").get(0).hasReadConsistency())
                .as("one replica: Qdrant's default read").isFalse();
        assertThat(server.<Points.UpsertPoints>requests("upsert").get(0).getOrdering().getType())
                .isEqualTo(Points.WriteOrderingType.Strong);
        assertThat(server.<Points.QueryPoints>requests("query").get(0).hasParams()).as("Qdrant's search defaults")
                .isFalse();

        server.answer("collectionExists", exists(true)).answer("getCollection", info(3, "test-model", true));
        QdrantVectorStore tuned = QdrantVectorStore.builder().client(client).collection("memories").dimension(3)
                .embeddingModel("test-model").hnswEf(256).build();
        server.calls.clear();
        tuned.searchSimilar(new float[] {1, 0, 0}, "user-alice", 3, VectorFilters.none());
        assertThat(server.<Points.QueryPoints>requests("query").get(0).getParams().getHnswEf()).isEqualTo(256);
        assertThatThrownBy(() -> QdrantVectorStore.builder().readConsistency("most")).isInstanceOf(
                ConfigException.class).hasMessageContaining("all, majority, quorum, one");
    }

    @Test
    void limitZeroIsAnsweredWithoutAskingQdrant() {
        QdrantVectorStore store = existingStore();
        assertThat(store.searchSimilar(new float[] {1, 0, 0}, "b", 0, VectorFilters.none())).isEmpty();
        assertThat(store.searchKeyword("tea", "b", 0, VectorFilters.none())).isEmpty();
        assertThat(store.listVectors("b", null, 0, VectorFilters.none())).isEmpty();
        assertThat(server.methods()).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedWithBackoffOthersAreNot() {
        QdrantVectorStore store = existingStore();
        server.answer("upsert", Status.UNAVAILABLE.withDescription("leader election"))
                .answer("upsert", Status.RESOURCE_EXHAUSTED);
        store.storeVectors(List.of(item("m1", "retry me", T0)));
        assertThat(server.methods()).containsExactly("upsert", "upsert", "upsert");

        server.calls.clear();
        server.answer("count", Status.INVALID_ARGUMENT.withDescription("bad filter"));
        assertThatThrownBy(() -> store.count("b", VectorFilters.none())).as("a caller error, not a store failure")
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("INVALID_ARGUMENT bad filter");
        assertThat(server.methods()).containsExactly("count");

        server.calls.clear();
        server.answer("count", Status.NOT_FOUND.withDescription("Collection `memories` doesn't exist!"));
        assertThatThrownBy(() -> store.count("b", VectorFilters.none())).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("NOT_FOUND");

        server.calls.clear();
        server.answer("scroll", Status.RESOURCE_EXHAUSTED.withDescription(
                "gRPC message exceeds maximum size 4194304: 6393780"));
        assertThatThrownBy(() -> store.listVectors("b", null, 10, VectorFilters.none()))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("size limit")
                .hasMessageContaining("not retried");
        assertThat(server.methods()).as("a size error is not transient").containsExactly("scroll");

        server.calls.clear();
        for (int i = 0; i < 4; i++) {
            server.answer("query", Status.UNAVAILABLE);
        }
        assertThatThrownBy(() -> store.searchSimilar(new float[] {1, 0, 0}, "b", 1, VectorFilters.none()))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("after 4 attempts");
        assertThat(server.methods()).hasSize(4);
    }

    @Test
    void healthReportsTheServerAndCollectionWithLatency() {
        QdrantVectorStore store = existingStore();
        server.answer("getCollection", info(3, "test-model", true));
        var health = store.health();
        assertThat(health.healthy()).isTrue();
        assertThat(health.message()).contains("wire-test").contains("memories").contains("42 points");
        assertThat(health.latencyMs()).isNotNull().isNotNegative();
        server.answer("healthCheck", Status.PERMISSION_DENIED);
        assertThat(store.health().healthy()).isFalse();
    }

    @Test
    void rejectsVectorsOfTheWrongDimensionBeforeSending() {
        QdrantVectorStore store = existingStore();
        VectorItem wrong = item("m1", "x", T0).withVector(new float[] {1, 0});
        assertThatThrownBy(() -> store.storeVectors(List.of(wrong))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2-d vector");
        assertThat(server.calls).isEmpty();
    }
}
