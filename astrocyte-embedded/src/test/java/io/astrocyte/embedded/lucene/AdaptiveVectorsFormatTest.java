package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small segments stay flat; a merge past the threshold builds a real HNSW graph; both search alike, and the graph
 * path over flat segments scores as the exact scan does.
 */
class AdaptiveVectorsFormatTest {

    private static final int GRAPH_MIN_DOCS = 1200;

    @TempDir
    Path dir;

    private static List<VectorItem> items(int n) {
        HashingEmbedder embedder = new HashingEmbedder(64);
        Random random = new Random(7);
        String[] words = {"apple", "river", "stone", "cloud", "violin", "tiger", "copper", "maple", "orbit", "lantern"};
        List<VectorItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = words[random.nextInt(10)] + " " + words[random.nextInt(10)] + " " + words[random.nextInt(10)]
                    + " " + i;
            out.add(new VectorItem(String.format("d%04d", i), "b", embedder.embed(text), text, null, null, "world",
                    null, "fact", Instant.now(), null, null, null));
        }
        return out;
    }

    private long graphFiles(Path indexDir) throws Exception {
        try (Stream<Path> files = Files.list(indexDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".vex")).count();
        }
    }

    @Test
    void flushedSegmentsAreFlatAndALargeMergeBuildsAGraphThatSearchesLikeExact() throws Exception {
        List<VectorItem> batch = items(1500);
        LuceneVectorStore.Options knnOnly = new LuceneVectorStore.Options(0, Duration.ofHours(1), GRAPH_MIN_DOCS);
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64", knnOnly)) {
            for (int i = 0; i < batch.size(); i += 100) {
                store.storeVectors(batch.subList(i, i + 100));
                store.commit();
            }
            assertThat(graphFiles(dir.resolve("index"))).as("flushed segments carry no graph").isZero();
            List<String> flatTop = new ArrayList<>();
            for (int q = 0; q < 20; q++) {
                flatTop.add(store.searchSimilar(batch.get(q * 70).vector(), "b", 1, VectorFilters.none()).get(0).id());
            }
            assertThat(flatTop).as("a flat segment is searched exactly").containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 20).mapToObj(q -> batch.get(q * 70).id()).toList());

            store.forceMerge(1);
            store.commit();
            assertThat(graphFiles(dir.resolve("index"))).as("the merged segment has a graph").isPositive();
        }
        try (FSDirectory index = FSDirectory.open(dir.resolve("index")); CheckIndex check = new CheckIndex(index)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
        try (LuceneVectorStore exact = LuceneVectorStore.open(dir.resolve("exact"), 64, "hashing-64",
                        new LuceneVectorStore.Options(100_000, Duration.ofHours(1), GRAPH_MIN_DOCS));
                LuceneVectorStore graph = LuceneVectorStore.open(dir, 64, "hashing-64", knnOnly)) {
            exact.storeVectors(batch);
            int agree = 0;
            for (int q = 0; q < 20; q++) {
                float[] v = batch.get(q * 70 + 3).vector();
                List<VectorHit> e = exact.searchSimilar(v, "b", 5, VectorFilters.none());
                List<VectorHit> h = graph.searchSimilar(v, "b", 5, VectorFilters.none());
                if (e.get(0).id().equals(h.get(0).id())) {
                    agree++;
                }
            }
            assertThat(agree).as("HNSW top-1 matches exact").isGreaterThanOrEqualTo(19);
            assertThat(graph.count("b", VectorFilters.none())).isEqualTo(1500);
        }
    }

    @Test
    void theGraphPathOverFlatSegmentsReturnsExactlyWhatTheExactScanReturns() {
        List<VectorItem> batch = items(3000);
        LuceneVectorStore.Options knnOnly = new LuceneVectorStore.Options(0, Duration.ofHours(1), 100_000);
        try (LuceneVectorStore flat = LuceneVectorStore.open(dir.resolve("flat"), 64, "hashing-64", knnOnly);
                LuceneVectorStore exact = LuceneVectorStore.open(dir.resolve("exact"), 64, "hashing-64",
                        new LuceneVectorStore.Options(100_000, Duration.ofHours(1), 100_000))) {
            for (int i = 0; i < batch.size(); i += 250) {
                flat.storeVectors(batch.subList(i, i + 250));
                flat.commit(); // a dozen flat segments, searched through the KNN query and its collectors
                exact.storeVectors(batch.subList(i, i + 250));
            }
            List<String> gone = new ArrayList<>();
            for (int i = 0; i < batch.size(); i += 11) {
                gone.add(batch.get(i).id());
            }
            flat.softDelete(gone, "b", Instant.now());
            exact.softDelete(gone, "b", Instant.now());
            Random random = new Random(3);
            for (int q = 0; q < 30; q++) {
                float[] v = batch.get(random.nextInt(batch.size())).vector();
                for (int limit : new int[] {1, 10, 50}) {
                    // scores, not ids: the hashing embedder gives many memories the same vector, and the two paths
                    // may break such ties differently; and to a few ulps, since on Java 21+ the exact scan may run
                    // the Vector API kernel where Lucene's KNN path runs its scalar one
                    assertThat(flat.searchSimilar(v, "b", limit, VectorFilters.none())).extracting(VectorHit::score)
                            .as("query %d, top %d", q, limit)
                            .usingElementComparator((x, y) -> Math.abs(x - y) < 1e-5 ? 0 : Double.compare(x, y))
                            .containsExactlyElementsOf(exact.searchSimilar(v, "b", limit, VectorFilters.none())
                                    .stream().map(VectorHit::score).toList());
                }
            }
        }
    }
}
