package io.astrocyte.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.api.TimeRange;
import io.astrocyte.embedding.Vectors;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite every {@link VectorStore} must pass. Extend it, implement {@link #createStore},
 * and the backend is checked for: storing and replacing, similarity order and score range, every filter
 * of {@link VectorFilters}, soft delete with {@code as_of} history, archiving, recall statistics, purge, stable
 * paging, recency order, bank isolation, and concurrent writers with readers.
 *
 * <p>Vectors are 64-dimensional and deterministic ({@link ContractItems#EMBEDDER}).
 */
public abstract class VectorStoreContract {

    @TempDir
    protected Path dataDir;

    protected VectorStore store;
    protected final ContractItems items = new ContractItems();

    /** A fresh, empty store for 64-dimensional vectors keeping its files (if any) under {@code dir}. */
    protected abstract VectorStore createStore(Path dir) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = createStore(dataDir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private List<String> ids(List<VectorHit> hits) {
        return hits.stream().map(VectorHit::id).toList();
    }

    private List<String> itemIds(List<VectorItem> list) {
        return list.stream().map(VectorItem::id).toList();
    }

    private List<VectorHit> search(String text, String bank, VectorFilters filters) {
        return store.searchSimilar(ContractItems.vector(text), bank, 10, filters);
    }

    @Test
    void storesItemsAndReturnsTheirIdsInOrder() {
        List<String> ids = store.storeVectors(List.of(items.item("a1", "b", "alpha one"),
                items.item("a2", "b", "alpha two")));
        assertThat(ids).containsExactly("a1", "a2");
        assertThat(store.count("b", VectorFilters.none())).isEqualTo(2);
    }

    @Test
    void listedItemsKeepEveryField() {
        Instant occurred = Instant.parse("2025-05-08T13:56:00Z");
        VectorItem in = items.item("f1", "b", "field check", List.of("x", "y"),
                Map.of("speaker", "Alice", "turn", 7, "ok", true), occurred, "experience");
        store.storeVectors(List.of(in));
        VectorItem out = store.listVectors("b", null, 10, VectorFilters.none()).get(0);
        assertThat(out.id()).isEqualTo("f1");
        assertThat(out.bankId()).isEqualTo("b");
        assertThat(out.text()).isEqualTo("field check");
        assertThat(out.tags()).containsExactlyInAnyOrder("x", "y");
        assertThat(out.metadata()).containsEntry("speaker", "Alice").containsEntry("ok", true);
        assertThat(((Number) out.metadata().get("turn")).intValue()).isEqualTo(7);
        assertThat(out.factType()).isEqualTo("experience");
        assertThat(out.occurredAt()).isEqualTo(occurred);
        assertThat(out.retainedAt()).isEqualTo(in.retainedAt());
        assertThat(out.memoryLayer()).isEqualTo("fact");
        assertThat(out.chunkId()).isEqualTo("f1#0");
        assertThat(out.source()).isEqualTo("test");
        assertThat(out.forgottenAt()).isNull();
        assertThat(Vectors.dot(Vectors.normalized(out.vector()), Vectors.normalized(in.vector()))).isGreaterThan(0.999);
    }

    @Test
    void storingAnExistingIdReplacesIt() {
        store.storeVectors(List.of(items.item("r1", "b", "old text")));
        store.storeVectors(List.of(items.item("r1", "b", "new text")));
        List<VectorItem> all = store.listVectors("b", null, 10, VectorFilters.none());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).text()).isEqualTo("new text");
    }

    @Test
    void similaritySearchRanksTheClosestFirstWithScoresInUnitRange() {
        store.storeVectors(List.of(items.item("cat", "b", "the cat sat on the mat"),
                items.item("dog", "b", "a dog barked at the mailman"),
                items.item("car", "b", "engines and gearboxes of cars")));
        List<VectorHit> hits = search("the cat sat on the mat", "b", VectorFilters.none());
        assertThat(hits.get(0).id()).isEqualTo("cat");
        assertThat(hits.get(0).score()).isGreaterThan(0.99);
        for (VectorHit h : hits) {
            assertThat(h.score()).isBetween(0.0, 1.0);
        }
        for (int i = 1; i < hits.size(); i++) {
            assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
    }

    @Test
    void similarityScoresAreHalfOfOnePlusCosine() {
        float[] x = new float[64];
        x[0] = 1;
        float[] y = new float[64];
        y[1] = 1;
        float[] diagonal = new float[64];
        diagonal[0] = 1;
        diagonal[1] = 1;
        store.storeVectors(List.of(items.item("same", "b", "same direction").withVector(x),
                items.item("orthogonal", "b", "orthogonal").withVector(y),
                items.item("diagonal", "b", "forty-five degrees").withVector(diagonal)));
        java.util.Map<String, Double> scores = new java.util.HashMap<>();
        for (VectorHit h : store.searchSimilar(x, "b", 10, VectorFilters.none())) {
            scores.put(h.id(), h.score());
        }
        assertThat(scores.get("same")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(scores.get("orthogonal")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(scores.get("diagonal")).isCloseTo((1 + Math.sqrt(0.5)) / 2, org.assertj.core.data.Offset.offset(1e-3));
    }

    /** A seeded random direction: distinct items are nearly orthogonal, so each is its own nearest. */
    private static float[] direction(int seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[64];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void nearestLiveSeesEveryWriteAndDeleteAtOnce() {
        assertThat(store.nearestLive(direction(0), "b")).isEmpty();
        // Interleave lookups with writes, as dedup does, well past any batching a backend may do.
        for (int i = 0; i < 1500; i++) {
            store.storeVectors(List.of(items.item("n" + i, "b", "memory " + i).withVector(direction(i))));
            VectorHit nearest = store.nearestLive(direction(i), "b").orElseThrow();
            assertThat(nearest.id()).isEqualTo("n" + i);
            assertThat(nearest.score()).isGreaterThan(0.99);
        }
        store.softDelete(List.of("n42"), "b", ContractItems.T0.plusSeconds(1_000_000));
        assertThat(store.nearestLive(direction(42), "b").orElseThrow().id())
                .as("a forgotten item is no neighbour").isNotEqualTo("n42");
        store.storeVectors(List.of(items.item("n42", "b", "memory 42").withVector(direction(42))));
        assertThat(store.nearestLive(direction(42), "b").orElseThrow().id())
                .as("stored again under its id").isEqualTo("n42");
        store.delete(List.of("n42"), "b");
        assertThat(store.nearestLive(direction(42), "b").orElseThrow().id()).isNotEqualTo("n42");
        assertThat(store.nearestLive(direction(7), "other")).as("banks stay apart").isEmpty();
    }

    @Test
    void similaritySearchHonoursTheLimit() {
        List<VectorItem> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(items.item("m" + i, "b", "memory number " + i));
        }
        store.storeVectors(many);
        assertThat(store.searchSimilar(ContractItems.vector("memory"), "b", 7, VectorFilters.none())).hasSize(7);
    }

    @Test
    void banksAreIsolated() {
        store.storeVectors(List.of(items.item("x1", "bank-a", "shared words here"),
                items.item("x2", "bank-b", "shared words here")));
        assertThat(ids(search("shared words here", "bank-a", VectorFilters.none()))).containsExactly("x1");
        assertThat(itemIds(store.listVectors("bank-b", null, 10, VectorFilters.none()))).containsExactly("x2");
        assertThat(ids(store.listRecent("bank-a", 10, VectorFilters.none()))).containsExactly("x1");
        assertThat(store.count("bank-c", VectorFilters.none())).isZero();
        assertThat(store.softDelete(List.of("x1"), "bank-b", Instant.now())).isZero();
        assertThat(store.delete(List.of("x1"), "bank-b")).isZero();
        assertThat(store.count("bank-a", VectorFilters.none())).isEqualTo(1);
    }

    @Test
    void tagFilterMatchesAnyTagAndNeverUntaggedItems() {
        store.storeVectors(List.of(
                items.item("t1", "b", "tagged red", List.of("red"), Map.of(), null, "world"),
                items.item("t2", "b", "tagged blue", List.of("blue", "green"), Map.of(), null, "world"),
                items.item("t3", "b", "untagged", List.of(), Map.of(), null, "world")));
        VectorFilters f = new VectorFilters(Set.of("red", "green"), null, null, null, null, null, false);
        assertThat(ids(search("tagged", "b", f))).containsExactlyInAnyOrder("t1", "t2");
        assertThat(itemIds(store.listVectors("b", null, 10, f))).containsExactlyInAnyOrder("t1", "t2");
        assertThat(store.count("b", f)).isEqualTo(2);
        assertThat(ids(store.listRecent("b", 10, f))).containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void factTypeFilterMatchesAny() {
        store.storeVectors(List.of(
                items.item("w", "b", "a world fact", List.of(), Map.of(), null, "world"),
                items.item("e", "b", "an experience", List.of(), Map.of(), null, "experience"),
                items.item("p", "b", "a preference", List.of(), Map.of(), null, "preference")));
        VectorFilters f = new VectorFilters(null, Set.of("experience", "preference"), null, null, null, null, false);
        assertThat(ids(search("a fact", "b", f))).containsExactlyInAnyOrder("e", "p");
    }

    private static VectorItem at(String id, Instant retained) {
        return new VectorItem(id, "b", ContractItems.vector(id), "memory " + id, Map.of(), List.of(), "world", null,
                "fact", retained, id + "#0", "test", null);
    }

    @Test
    void nextItemsAnswersEveryCursorAsAListingWouldEvenAcrossLongGaps() {
        Instant t = ContractItems.T0;
        // two chunks of one retain share a moment; "late" comes a day after, "later" a further week after
        store.storeVectors(List.of(at("a", t), at("b1", t.plusSeconds(1)), at("b2", t.plusSeconds(1)),
                at("c", t.plusSeconds(2)), at("late", t.plusSeconds(86_400)), at("later", t.plusSeconds(86_400 * 8)),
                at("gone", t.plusSeconds(3))));
        store.softDelete(List.of("gone"), "b", t.plusSeconds(10));
        List<ListCursor> cursors = List.of(new ListCursor(t, "a"), new ListCursor(t.plusSeconds(1), "b1"),
                new ListCursor(t.plusSeconds(2), "c"), new ListCursor(t.plusSeconds(86_400), "late"),
                new ListCursor(t.plusSeconds(86_400 * 8), "later"));
        List<VectorItem> next = store.nextItems("b", cursors, VectorFilters.none());
        assertThat(next).hasSize(5);
        assertThat(next.subList(0, 4)).extracting(VectorItem::id).containsExactly("b1", "b2", "late", "later");
        assertThat(next.get(4)).as("nothing follows the last item").isNull();
        assertAsListed(cursors, next);
        assertThat(store.nextItems("b", List.of(), VectorFilters.none())).isEmpty();
        assertThat(store.nextItems("other-bank", cursors.subList(0, 1), VectorFilters.none())).containsExactly(
                (VectorItem) null);
    }

    @Test
    void aListingMayAskForAsManyItemsAsThereCouldBe() {
        Instant t = ContractItems.T0;
        store.storeVectors(List.of(at("x", t), at("y", t.plusSeconds(1)), at("z", t.plusSeconds(2))));
        assertThat(store.listItems("b", null, Integer.MAX_VALUE, VectorFilters.none())).extracting(VectorItem::id)
                .containsExactly("x", "y", "z");
        assertThat(store.listVectors("b", new ListCursor(t, "x"), Integer.MAX_VALUE, VectorFilters.none()))
                .extracting(VectorItem::id).containsExactly("y", "z");
    }

    @Test
    void nextItemsBreaksTiesOfOneMomentByIdAsAListingDoes() {
        Instant t = ContractItems.T0;
        // a bulk import: twelve items retained in one millisecond, more than a store may read in one page
        List<VectorItem> batch = new java.util.ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            batch.add(at(String.format("m%02d", i), t));
        }
        batch.add(at("after", t.plusMillis(1)));
        store.storeVectors(batch);
        List<ListCursor> cursors = List.of(new ListCursor(t, "m00"), new ListCursor(t, "m05"),
                new ListCursor(t, "m10"), new ListCursor(t, "m11"), new ListCursor(t.minusMillis(1), "z"));
        List<VectorItem> next = store.nextItems("b", cursors, VectorFilters.none());
        assertThat(next).extracting(VectorItem::id).containsExactly("m01", "m06", "m11", "after", "m00");
        assertAsListed(cursors, next);
    }

    /** Each cursor's next item is the first item a listing after that cursor gives (or none when it gives none). */
    private void assertAsListed(List<ListCursor> cursors, List<VectorItem> next) {
        for (int i = 0; i < cursors.size(); i++) {
            List<VectorItem> listed = store.listItems("b", cursors.get(i), 1, VectorFilters.none());
            assertThat(next.get(i) == null ? null : next.get(i).id())
                    .isEqualTo(listed.isEmpty() ? null : listed.get(0).id());
        }
    }

    @Test
    void listRecentBoundedByTimeLeavesOutOlderItemsNewestFirst() {
        Instant jan = Instant.parse("2025-01-15T00:00:00Z");
        Instant mar = Instant.parse("2025-03-15T00:00:00Z");
        Instant may = Instant.parse("2025-05-15T00:00:00Z");
        store.storeVectors(List.of(
                items.item("mar", "b", "event in march", List.of(), Map.of(), mar, "world"),
                items.item("jan", "b", "event in january", List.of(), Map.of(), jan, "world"),
                items.item("may", "b", "event in may", List.of(), Map.of(), may, "world")));
        Instant february = Instant.parse("2025-02-01T00:00:00Z");
        assertThat(ids(store.listRecent("b", 10, VectorFilters.none(), february))).containsExactly("may", "mar");
        assertThat(ids(store.listRecent("b", 1, VectorFilters.none(), february))).containsExactly("may");
        assertThat(ids(store.listRecent("b", 10, VectorFilters.none(), mar))).as("the bound itself counts")
                .containsExactly("may", "mar");
        assertThat(store.listRecent("b", 10, VectorFilters.none(), may.plusSeconds(1))).isEmpty();
        assertThat(ids(store.listRecent("b", 10, VectorFilters.none()))).containsExactly("may", "mar", "jan");
    }

    @Test
    void timeRangeFiltersOnOccurredAtAndSkipsUndatedItems() {
        Instant jan = Instant.parse("2025-01-15T00:00:00Z");
        Instant mar = Instant.parse("2025-03-15T00:00:00Z");
        store.storeVectors(List.of(
                items.item("jan", "b", "event in january", List.of(), Map.of(), jan, "world"),
                items.item("mar", "b", "event in march", List.of(), Map.of(), mar, "world"),
                items.item("none", "b", "event undated", List.of(), Map.of(), null, "world")));
        VectorFilters f = VectorFilters.none().withTimeRange(
                new TimeRange(Instant.parse("2025-02-01T00:00:00Z"), null));
        assertThat(ids(search("event", "b", f))).containsExactly("mar");
        VectorFilters before = VectorFilters.none().withTimeRange(new TimeRange(null, mar));
        assertThat(itemIds(store.listVectors("b", null, 10, before))).containsExactly("jan");
        VectorFilters exactStart = VectorFilters.none().withTimeRange(new TimeRange(mar, null));
        assertThat(store.count("b", exactStart)).isEqualTo(1);
    }

    @Test
    void metadataFilterIsEqualityWithNumericCanonicalization() {
        store.storeVectors(List.of(
                items.item("n3", "b", "number three", List.of(), Map.of("n", 3, "who", "alice"), null, "world"),
                items.item("s3", "b", "string three", List.of(), Map.of("n", "3", "who", "alice"), null, "world"),
                items.item("n4", "b", "number four", List.of(), Map.of("n", 4, "who", "bob"), null, "world")));
        VectorFilters numeric = new VectorFilters(null, null, null, Map.of("n", 3.0), null, null, false);
        assertThat(ids(search("three", "b", numeric))).containsExactly("n3");
        VectorFilters both = new VectorFilters(null, null, null, Map.of("n", "3", "who", "alice"), null, null, false);
        assertThat(itemIds(store.listVectors("b", null, 10, both))).containsExactly("s3");
        VectorFilters missingKey = new VectorFilters(null, null, null, Map.of("absent", "x"), null, null, false);
        assertThat(store.count("b", missingKey)).isZero();
    }

    @Test
    void sessionFilterUsesTheSessionIdMetadataKey() {
        store.storeVectors(List.of(
                items.item("s1", "b", "first session note", List.of(), Map.of("session_id", "s-1"), null, "world"),
                items.item("s2", "b", "second session note", List.of(), Map.of("session_id", "s-2"), null, "world"),
                items.item("s0", "b", "no session note", List.of(), Map.of(), null, "world")));
        VectorFilters f = new VectorFilters(null, null, null, null, null, "s-2", false);
        assertThat(ids(search("session note", "b", f))).containsExactly("s2");
    }

    @Test
    void softDeleteHidesFromLiveReadsButKeepsHistory() {
        store.storeVectors(List.of(items.item("keep", "b", "kept memory"), items.item("gone", "b", "forgotten memory")));
        Instant at = ContractItems.T0.plusSeconds(3600); // an hour after the fixtures were retained
        assertThat(store.softDelete(List.of("gone", "unknown"), "b", at)).isEqualTo(1);
        assertThat(store.softDelete(List.of("gone"), "b", at.plusSeconds(1))).as("already forgotten").isZero();

        assertThat(ids(search("forgotten memory", "b", VectorFilters.none()))).containsExactly("keep");
        assertThat(itemIds(store.listVectors("b", null, 10, VectorFilters.none()))).containsExactly("keep");
        assertThat(ids(store.listRecent("b", 10, VectorFilters.none()))).containsExactly("keep");
        assertThat(store.count("b", VectorFilters.none())).isEqualTo(1);

        VectorFilters past = VectorFilters.none().withAsOf(at.minusSeconds(1));
        assertThat(ids(search("forgotten memory", "b", past))).contains("gone");
        assertThat(store.count("b", past)).isEqualTo(2);
        VectorFilters atForget = VectorFilters.none().withAsOf(at);
        assertThat(store.count("b", atForget)).as("forgotten_at > as_of is required").isEqualTo(1);

        List<VectorItem> everything = store.listVectors("b", null, 10, VectorFilters.none().withIncludeForgotten(true));
        assertThat(everything).extracting(VectorItem::id).containsExactlyInAnyOrder("keep", "gone");
        assertThat(everything.stream().filter(i -> i.id().equals("gone")).findFirst().orElseThrow().forgottenAt())
                .isEqualTo(at);
    }

    @Test
    void archiveLeavesDefaultReadsButNotHistoryNorArchivedReads() {
        store.storeVectors(List.of(items.item("keep", "b", "kept memory"), items.item("old", "b", "archived memory"),
                items.item("other", "c", "archived memory")));
        Instant at = ContractItems.T0.plusSeconds(3600);
        assertThat(store.archive(List.of("old", "unknown"), "b", at)).isEqualTo(1);
        assertThat(store.archive(List.of("old"), "b", at.plusSeconds(5))).as("already archived").isZero();

        assertThat(ids(search("archived memory", "b", VectorFilters.none()))).containsExactly("keep");
        assertThat(itemIds(store.listVectors("b", null, 10, VectorFilters.none()))).containsExactly("keep");
        assertThat(itemIds(store.listItems("b", null, 10, VectorFilters.none()))).containsExactly("keep");
        assertThat(ids(store.listRecent("b", 10, VectorFilters.none()))).containsExactly("keep");
        assertThat(store.count("b", VectorFilters.none())).isEqualTo(1);
        assertThat(store.nearestLive(ContractItems.vector("archived memory"), "b")).get()
                .extracting(VectorHit::id).as("dedup ignores archived memories").isEqualTo("keep");
        assertThat(ids(search("archived memory", "c", VectorFilters.none()))).as("another bank's same id")
                .containsExactly("other");

        VectorFilters archivedToo = VectorFilters.none().withIncludeArchived(true);
        assertThat(ids(search("archived memory", "b", archivedToo))).containsExactlyInAnyOrder("keep", "old");
        assertThat(store.count("b", archivedToo)).isEqualTo(2);
        VectorItem old = store.listVectors("b", null, 10, archivedToo).stream().filter(i -> i.id().equals("old"))
                .findFirst().orElseThrow();
        assertThat(old.archivedAt()).isEqualTo(at);
        assertThat(old.forgottenAt()).isNull();

        assertThat(store.count("b", VectorFilters.none().withAsOf(at.minusSeconds(1))))
                .as("before it was archived, default reads saw it").isEqualTo(2);
        assertThat(store.count("b", VectorFilters.none().withAsOf(at))).as("archived_at <= as_of hides it").isEqualTo(1);

        assertThat(store.softDelete(List.of("old"), "b", at.plusSeconds(60))).as("an archived memory can be forgotten")
                .isEqualTo(1);
        assertThat(store.count("b", archivedToo)).isEqualTo(1);
        assertThat(store.archive(List.of("old"), "b", at.plusSeconds(120))).as("forgotten ones are not archived")
                .isZero();
    }

    @Test
    void recallStatisticsAddUpAndKeepTheLatestMoment() {
        org.junit.jupiter.api.Assumptions.assumeTrue(store.keepsRecallStats(), store.name() + " keeps no recall statistics");
        store.storeVectors(List.of(items.item("a", "b", "first memory"), items.item("z", "b", "second memory"),
                items.item("a", "c", "first memory elsewhere")));
        Instant t1 = ContractItems.T0.plusSeconds(100);
        Instant t2 = ContractItems.T0.plusSeconds(200);
        store.recordRecalls("b", Map.of("a", new io.astrocyte.spi.RecallStats(2, t2), "unknown",
                new io.astrocyte.spi.RecallStats(1, t1)));
        store.recordRecalls("b", Map.of("a", new io.astrocyte.spi.RecallStats(1, t1)));

        Map<String, io.astrocyte.spi.RecallStats> stats = new java.util.HashMap<>();
        store.listItems("b", null, 10, VectorFilters.none()).forEach(i -> stats.put(i.id(), i.recalls()));
        assertThat(stats.get("a")).isEqualTo(new io.astrocyte.spi.RecallStats(3, t2));
        assertThat(stats.get("z")).isEqualTo(io.astrocyte.spi.RecallStats.NONE);
        assertThat(store.listItems("c", null, 10, VectorFilters.none()).get(0).recalls())
                .as("the same id in another bank").isEqualTo(io.astrocyte.spi.RecallStats.NONE);
        assertThat(store.listVectors("b", null, 10, VectorFilters.none()).get(0).recalls().count())
                .as("with vectors too").isEqualTo(3);
        assertThat(ids(search("first memory", "b", VectorFilters.none()))).as("statistics change no search")
                .containsExactly("a", "z");
    }

    @Test
    void asOfHidesItemsRetainedLater() {
        VectorItem early = items.item("early", "b", "early memory");
        VectorItem late = items.item("late", "b", "late memory");
        store.storeVectors(List.of(early, late));
        VectorFilters f = VectorFilters.none().withAsOf(early.retainedAt());
        assertThat(itemIds(store.listVectors("b", null, 10, f))).containsExactly("early");
        assertThat(ids(search("memory", "b", f))).containsExactly("early");
    }

    @Test
    void deletePurgesForgottenAndLiveItems() {
        store.storeVectors(List.of(items.item("p1", "b", "purge me"), items.item("p2", "b", "purge me too"),
                items.item("p3", "b", "stay")));
        Instant forgotten = ContractItems.T0.plusSeconds(3600);
        store.softDelete(List.of("p1"), "b", forgotten);
        assertThat(store.delete(List.of("p1", "p2", "nope"), "b")).isEqualTo(2);
        VectorFilters all = VectorFilters.none().withIncludeForgotten(true);
        assertThat(itemIds(store.listVectors("b", null, 10, all))).containsExactly("p3");
        assertThat(store.count("b", VectorFilters.none().withAsOf(forgotten.minusSeconds(1))))
                .as("purged items are gone from history too").isEqualTo(1);
    }

    @Test
    void listingIsStableAndPagesByRetainedAtThenId() {
        List<VectorItem> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(items.item(String.format("id%02d", i), "b", "paged item " + i));
        }
        store.storeVectors(batch);
        List<String> paged = new ArrayList<>();
        ListCursor after = null;
        for (int page = 0; page < 3; page++) {
            List<VectorItem> items = store.listVectors("b", after, 10, VectorFilters.none());
            assertThat(items).hasSize(page < 2 ? 10 : 5);
            paged.addAll(itemIds(items));
            after = ListCursor.afterLast(items);
        }
        assertThat(paged).containsExactlyElementsOf(batch.stream().map(VectorItem::id).toList());
        assertThat(itemIds(store.listVectors("b", null, 25, VectorFilters.none()))).containsExactlyElementsOf(paged);
        assertThat(store.listVectors("b", after, 10, VectorFilters.none())).isEmpty();
    }

    @Test
    void aCursorContinuesAfterItsItemWhateverChangesBeforeIt() {
        List<VectorItem> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(items.item(String.format("cu%02d", i), "b", "cursor item " + i));
        }
        store.storeVectors(batch);
        List<VectorItem> first = store.listVectors("b", null, 5, VectorFilters.none());
        store.delete(List.of("cu00", "cu01"), "b");
        store.softDelete(List.of("cu02"), "b", ContractItems.T0.plusSeconds(3600));
        assertThat(itemIds(store.listVectors("b", ListCursor.afterLast(first), 5, VectorFilters.none())))
                .as("deleting earlier items shifts no page").containsExactly("cu05", "cu06", "cu07", "cu08", "cu09");
        Instant shared = ContractItems.T0.plusSeconds(1800);
        List<VectorItem> ties = new ArrayList<>();
        for (String id : List.of("tc", "ta", "tb")) {
            VectorItem i = items.item(id, "tied", "tied item " + id);
            ties.add(new VectorItem(i.id(), i.bankId(), i.vector(), i.text(), i.metadata(), i.tags(), i.factType(),
                    i.occurredAt(), i.memoryLayer(), shared, i.chunkId(), i.source(), null));
        }
        store.storeVectors(ties);
        List<VectorItem> head = store.listVectors("tied", null, 1, VectorFilters.none());
        assertThat(itemIds(head)).containsExactly("ta");
        assertThat(itemIds(store.listVectors("tied", ListCursor.afterLast(head), 5, VectorFilters.none())))
                .as("ties on retained_at continue by id").containsExactly("tb", "tc");
        assertThat(itemIds(store.listVectors("tied", new ListCursor(shared, "ta~"), 5, VectorFilters.none())))
                .as("a cursor need not name a stored item").containsExactly("tb", "tc");
    }

    @Test
    void listItemsPagesLikeListVectorsWithEveryFieldButTheVector() {
        List<VectorItem> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(items.item(String.format("li%02d", i), "b", "listed item " + i));
        }
        store.storeVectors(batch);
        List<VectorItem> withVectors = new ArrayList<>();
        List<VectorItem> without = new ArrayList<>();
        ListCursor after = null;
        for (int page = 0; page < 3; page++) {
            List<VectorItem> a = store.listVectors("b", after, 10, VectorFilters.none());
            withVectors.addAll(a);
            without.addAll(store.listItems("b", after, 10, VectorFilters.none()));
            after = ListCursor.afterLast(a);
        }
        assertThat(itemIds(without)).containsExactlyElementsOf(itemIds(withVectors)).hasSize(25);
        for (int i = 0; i < without.size(); i++) {
            VectorItem a = without.get(i);
            VectorItem b = withVectors.get(i);
            assertThat(a.text()).isEqualTo(b.text());
            assertThat(a.metadata()).isEqualTo(b.metadata());
            assertThat(a.tags()).isEqualTo(b.tags());
            assertThat(a.retainedAt()).isEqualTo(b.retainedAt());
            assertThat(a.vector() == null || java.util.Arrays.equals(a.vector(), b.vector()))
                    .as("listItems returns no vector or the stored one").isTrue();
        }
    }

    @Test
    void listRecentOrdersByOccurredAtElseRetainedAtNewestFirst() {
        Instant long_ago = Instant.parse("2020-01-01T00:00:00Z");
        store.storeVectors(List.of(
                items.item("old-event", "b", "an old event", List.of(), Map.of(), long_ago, "world"),
                items.item("r1", "b", "retained first"),
                items.item("r2", "b", "retained second")));
        assertThat(ids(store.listRecent("b", 10, VectorFilters.none()))).containsExactly("r2", "r1", "old-event");
        assertThat(ids(store.listRecent("b", 2, VectorFilters.none()))).containsExactly("r2", "r1");
    }

    @Test
    void concurrentWritersAndReadersSeeConsistentData() throws Exception {
        int writers = 4;
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        store.storeVectors(List.of(items.item("w" + writer + "-" + i, "b",
                                "writer " + writer + " wrote item " + i)));
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
                return null;
            }));
        }
        for (int r = 0; r < 2; r++) {
            futures.add(pool.submit(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        List<VectorHit> hits = search("writer wrote item", "b", VectorFilters.none());
                        for (VectorHit h : hits) {
                            assertThat(h.id()).startsWith("w");
                        }
                        store.count("b", VectorFilters.none());
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(errors).isEmpty();
        assertThat(store.count("b", VectorFilters.none())).isEqualTo((long) writers * perWriter);
    }

    @Test
    void healthIsReported() {
        assertThat(store.health().healthy()).isTrue();
    }

    @Test
    void factTypeFilterMatchesAnyAndNeverAnItemWithoutOne() {
        store.storeVectors(List.of(items.item("w", "b", "fact about the world", List.of(), Map.of(), null, "world"),
                items.item("e", "b", "fact about an experience", List.of(), Map.of(), null, "experience"),
                items.item("n", "b", "fact without a type", List.of(), Map.of(), null, null)));
        VectorFilters experiences = new VectorFilters(null, java.util.Set.of("experience", "opinion"), null, null,
                null, null, false);
        assertThat(itemIds(store.listVectors("b", null, 10, experiences))).containsExactly("e");
        assertThat(ids(search("fact", "b", experiences))).containsExactly("e");
        assertThat(store.count("b", new VectorFilters(null, java.util.Set.of("world", "experience"), null, null, null,
                null, false))).isEqualTo(2);
    }

    @Test
    void forgetMatchingSoftDeletesLiveMatchesThenPurgesByFilter() {
        store.storeVectors(List.of(items.item("t1", "b", "tagged one", List.of("tmp"), Map.of(), null, "world"),
                items.item("t2", "b", "tagged two", List.of("tmp", "x"), Map.of(), null, "world"),
                items.item("k1", "b", "kept", List.of("keep"), Map.of(), null, "world"),
                items.item("o1", "other", "other bank, same tag", List.of("tmp"), Map.of(), null, "world")));
        VectorFilters tmp = VectorFilters.ofTags(List.of("tmp"));
        Instant at = java.time.Instant.parse("2030-01-01T00:00:00Z");
        assertThat(store.forgetMatching("b", tmp, at)).isEqualTo(2);
        assertThat(itemIds(store.listVectors("b", null, 10, VectorFilters.none()))).containsExactly("k1");
        assertThat(store.forgetMatching("b", tmp, at)).as("already forgotten").isZero();
        assertThat(store.listVectors("b", null, 10, tmp.withIncludeForgotten(true)))
                .allSatisfy(i -> assertThat(i.forgottenAt()).isEqualTo(at)).hasSize(2);

        assertThat(store.forgetMatching("b", tmp.withIncludeForgotten(true), null)).as("purge").isEqualTo(2);
        assertThat(store.count("b", VectorFilters.none().withIncludeForgotten(true))).isEqualTo(1);
        assertThat(store.count("other", VectorFilters.none())).as("other banks untouched").isEqualTo(1);
    }
}
