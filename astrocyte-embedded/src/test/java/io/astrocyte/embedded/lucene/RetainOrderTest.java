package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.contract.ContractItems;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nextItems} answered from each segment's retain order agrees with a listing after the same cursor, on a real
 * index of many segments, several banks, shared moments, forgotten, deleted and rewritten memories and filters, and
 * where the bank's memories are too sparse for a walk.
 */
class RetainOrderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private static VectorItem item(String id, String bank, Instant retained, List<String> tags) {
        return new VectorItem(id, bank, ContractItems.vector(id), "memory " + id, Map.of(), tags, "world", null, "fact",
                retained, id + "#0", "test", null);
    }

    @Test
    void everyCursorGetsTheItemAListingWouldGiveFirst() {
        Random random = new Random(7);
        List<VectorItem> stored = new ArrayList<>();
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            for (int batch = 0; batch < 8; batch++) {
                List<VectorItem> items = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    String bank = random.nextInt(3) == 0 ? "other" : "b";
                    // coarse times, so many memories share a moment and ties fall to the id
                    Instant at = T0.plusSeconds(random.nextInt(400));
                    List<String> tags = random.nextBoolean() ? List.of("red") : List.of();
                    VectorItem it = item(String.format("m%04d", batch * 150 + i), bank, at, tags);
                    items.add(it);
                }
                store.storeVectors(items);
                stored.addAll(items);
                store.commit(); // one segment per batch, at least until a merge
            }
            List<String> forgotten = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            for (VectorItem it : stored) {
                if (it.bankId().equals("b") && random.nextInt(10) == 0) {
                    (random.nextBoolean() ? forgotten : deleted).add(it.id());
                }
            }
            store.softDelete(forgotten, "b", T0.plusSeconds(1000));
            store.delete(deleted, "b");
            // a rewrite: the same id, a new document, the old one deleted
            VectorItem first = stored.get(0);
            store.storeVectors(List.of(item(first.id(), first.bankId(), T0.plusSeconds(500), List.of())));

            List<ListCursor> cursors = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                VectorItem it = stored.get(random.nextInt(stored.size()));
                cursors.add(new ListCursor(it.retainedAt(), it.id()));
            }
            cursors.add(new ListCursor(T0.minusSeconds(1), "a"));
            cursors.add(new ListCursor(T0.plusSeconds(10_000), "z"));
            cursors.add(new ListCursor(T0.plusSeconds(17), "m0000x")); // an id no memory has
            for (VectorFilters filters : List.of(VectorFilters.none(), VectorFilters.ofTags(List.of("red")),
                    VectorFilters.none().withIncludeForgotten(true))) {
                assertAsListed(store, "b", cursors, filters);
            }
            assertThat(store.retainOrdersKept()).isPositive();
        }
    }

    @Test
    void aBankSparseAmongOthersIsAnsweredByTheSortAndMergedSegmentsLeaveNoOrderBehind() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            List<VectorItem> items = new ArrayList<>();
            items.add(item("first", "sparse", T0, List.of()));
            for (int i = 0; i < RetainOrder.MAX_WALK * 2; i++) {
                items.add(item(String.format("o%05d", i), "busy", T0.plusMillis(1 + i), List.of()));
            }
            items.add(item("second", "sparse", T0.plusSeconds(60), List.of()));
            // about 150 other memories apart: past the few checked directly, within a walk
            items.add(item("near-first", "medium", T0.plusMillis(50), List.of()));
            items.add(item("near-second", "medium", T0.plusMillis(200), List.of()));
            store.storeVectors(items);
            store.commit();
            store.storeVectors(List.of(item("third", "sparse", T0.plusSeconds(120), List.of())));
            store.commit();
            List<ListCursor> cursors = List.of(new ListCursor(T0, "first"),
                    new ListCursor(T0.plusSeconds(60), "second"), new ListCursor(T0.plusSeconds(120), "third"));
            List<VectorItem> next = store.nextItems("sparse", cursors, VectorFilters.none());
            assertThat(next.subList(0, 2)).extracting(VectorItem::id).containsExactly("second", "third");
            assertThat(next.get(2)).isNull();
            assertAsListed(store, "sparse", cursors, VectorFilters.none());
            List<ListCursor> medium = List.of(new ListCursor(T0.plusMillis(50), "near-first"),
                    new ListCursor(T0, "first"));
            assertThat(store.nextItems("medium", medium, VectorFilters.none())).extracting(VectorItem::id)
                    .containsExactly("near-second", "near-first");
            assertAsListed(store, "medium", medium, VectorFilters.none());
            int kept = store.retainOrdersKept();
            assertThat(kept).isGreaterThanOrEqualTo(2);

            store.forceMerge(1);
            store.storeVectors(List.of(item("fourth", "sparse", T0.plusSeconds(180), List.of())));
            store.commit();
            assertThat(store.nextItems("sparse", cursors.subList(2, 3), VectorFilters.none()))
                    .extracting(VectorItem::id).containsExactly("fourth");
            assertThat(store.retainOrdersKept()).as("orders of merged-away segments are dropped when they close")
                    .isLessThanOrEqualTo(2);
        }
    }

    private static void assertAsListed(LuceneVectorStore store, String bank, List<ListCursor> cursors,
            VectorFilters filters) {
        List<VectorItem> next = store.nextItems(bank, cursors, filters);
        assertThat(next).hasSameSizeAs(cursors);
        for (int i = 0; i < cursors.size(); i++) {
            List<VectorItem> listed = store.listItems(bank, cursors.get(i), 1, filters);
            assertThat(next.get(i) == null ? null : next.get(i).id()).as("after %s with %s", cursors.get(i), filters)
                    .isEqualTo(listed.isEmpty() ? null : listed.get(0).id());
        }
    }
}
