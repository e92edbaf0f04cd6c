package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.contract.ContractItems;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-segment set of live memories follows every forget and archive at once (each gives the segment a new
 * reader, so a new set), agrees with the history filters that still use doc values, and leaves no set behind.
 */
class LiveMemoriesQueryTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    @TempDir
    Path dir;

    private static VectorItem item(String id, Instant retained) {
        return new VectorItem(id, "b", ContractItems.vector(id), "memory " + id, null, null, "world", null, "fact",
                retained, id + "#0", "test", null);
    }

    private static Set<String> searched(LuceneVectorStore store, VectorFilters filters) {
        return store.searchSimilar(ContractItems.vector("m1"), "b", 100, filters).stream().map(VectorHit::id)
                .collect(Collectors.toSet());
    }

    @Test
    void forgettingAndArchivingShowAtOnceEverywhereTheLiveFilterIsUsed() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            List<VectorItem> items = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                items.add(item("m" + i, T0.plusSeconds(i)));
            }
            store.storeVectors(items.subList(0, 20));
            store.commit();
            store.storeVectors(items.subList(20, 40)); // a second segment
            assertThat(searched(store, VectorFilters.none())).hasSize(40);

            store.softDelete(List.of("m1", "m25"), "b", T0.plusSeconds(100));
            assertThat(searched(store, VectorFilters.none())).hasSize(38).doesNotContain("m1", "m25");
            store.archive(List.of("m2", "m30"), "b", T0.plusSeconds(200));
            assertThat(searched(store, VectorFilters.none())).hasSize(36).doesNotContain("m1", "m25", "m2", "m30");
            assertThat(store.listItems("b", null, 100, VectorFilters.none())).hasSize(36);
            assertThat(store.searchKeyword("memory", "b", 100, VectorFilters.none())).hasSize(36);
            assertThat(store.nextItems("b", List.of(new ListCursor(T0, "m0")), VectorFilters.none()))
                    .extracting(VectorItem::id).containsExactly("m3");

            // the filters that keep the doc-values clauses see what they always saw
            assertThat(searched(store, VectorFilters.none().withIncludeArchived(true))).hasSize(38)
                    .contains("m2", "m30").doesNotContain("m1", "m25");
            assertThat(searched(store, VectorFilters.none().withIncludeForgotten(true))).hasSize(40);
            assertThat(searched(store, VectorFilters.none().withAsOf(T0.plusSeconds(150)))).hasSize(38)
                    .contains("m2", "m30");
            assertThat(LiveMemoriesQuery.setsKept()).isPositive();
        }
    }

    @Test
    void setsGoWithTheirReaders() {
        int before = LiveMemoriesQuery.setsKept();
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            List<VectorItem> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                items.add(item("k" + i, T0.plusSeconds(i)));
            }
            store.storeVectors(items);
            assertThat(searched(store, VectorFilters.none())).hasSize(10);
            assertThat(LiveMemoriesQuery.setsKept()).isGreaterThan(before);
        }
        assertThat(LiveMemoriesQuery.setsKept()).isLessThanOrEqualTo(before);
    }
}
