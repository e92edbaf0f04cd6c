package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.contract.ContractItems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoded hits reused across searches on a real index: never stale, never shared mutably, gone after a purge. */
class HitCacheTest {

    @TempDir
    Path dir;

    private final ContractItems items = new ContractItems();

    private static List<VectorHit> similar(LuceneVectorStore store, String text) {
        return store.searchSimilar(ContractItems.vector(text), "b", 5, VectorFilters.none());
    }

    @Test
    void aRepeatedSearchReusesDecodedHitsWithItsOwnScores() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            store.storeVectors(List.of(
                    items.item("a", "b", "the red kite over the hill", List.of("sky"), Map.of("k", "v"), null, "world"),
                    items.item("c", "b", "a green boat on the lake")));
            List<VectorHit> first = similar(store, "the red kite over the hill");
            int decoded = store.decodedHits();
            assertThat(decoded).isEqualTo(2);
            List<VectorHit> again = similar(store, "the red kite over the hill");
            assertThat(store.decodedHits()).as("nothing decoded twice").isEqualTo(decoded);
            assertThat(again).isEqualTo(first);
            List<VectorHit> other = similar(store, "a green boat on the lake");
            assertThat(other.get(0).id()).isEqualTo("c");
            assertThat(other.get(0).score()).isGreaterThan(other.get(1).score());
            VectorHit kite = other.stream().filter(h -> h.id().equals("a")).findFirst().orElseThrow();
            assertThat(kite.score()).as("each search scores for itself").isNotEqualTo(first.get(0).score());
            assertThat(kite.metadata()).containsEntry("k", "v");
            assertThat(kite.tags()).containsExactly("sky");
            assertThatThrownBy(() -> kite.metadata().put("k", "changed"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> kite.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aRewrittenMemoryIsNeverServedStaleAndAPurgeEmptiesTheCache() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            store.storeVectors(List.of(items.item("a", "b", "the first wording")));
            assertThat(similar(store, "the first wording")).extracting(VectorHit::text)
                    .containsExactly("the first wording");
            store.storeVectors(List.of(items.item("a", "b", "the second wording")));
            assertThat(similar(store, "the second wording")).extracting(VectorHit::text)
                    .containsExactly("the second wording");
            assertThat(store.decodedHits()).isPositive();
            assertThat(store.delete(List.of("a"), "b")).isEqualTo(1);
            assertThat(store.decodedHits()).isZero();
            assertThat(similar(store, "the second wording")).isEmpty();
        }
    }

    @Test
    void theCacheStartsOverPastItsSizeEstimateAndStillDecodesEveryHit() throws Exception {
        String filler = "x".repeat(1000);
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            List<io.astrocyte.spi.VectorItem> many = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                many.add(items.item("m" + i, "b", "memory " + i + " " + filler));
            }
            store.storeVectors(many);
        }
        try (org.apache.lucene.store.FSDirectory d = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
                org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(d)) {
            org.apache.lucene.search.IndexSearcher s = new org.apache.lucene.search.IndexSearcher(reader);
            HitCache small = new HitCache(10_000);
            HitCache large = new HitCache();
            HitCache.Reader fromSmall = small.reader(s);
            HitCache.Reader fromLarge = large.reader(s);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                VectorHit a = fromSmall.hit(doc, 0.5);
                VectorHit b = fromLarge.hit(doc, 0.5);
                assertThat(a).isEqualTo(b);
                assertThat(a.text()).endsWith(filler);
                long one = HitCache.sizeOf(a);
                assertThat(one).as("two bytes a char").isGreaterThan(2000);
                assertThat(small.bytes()).isLessThanOrEqualTo(10_000 + one);
            }
            assertThat(small.size()).isLessThan(30);
            assertThat(large.size()).isEqualTo(30);
            assertThat(large.bytes()).isGreaterThan(30 * 2000L);
        }
    }
}
