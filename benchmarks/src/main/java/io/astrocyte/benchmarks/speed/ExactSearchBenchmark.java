package io.astrocyte.benchmarks.speed;

import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.embedding.Vectors;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;

/**
 * The embedded store's exact dense search against the arithmetic it needs (issue 23): per query, the store's
 * {@code searchSimilar} over one bank, and in the same run a plain scan of the same unit vectors held in a
 * {@code float[][]} (a simple loop, and Lucene's {@code VectorUtil.dotProduct}), each keeping the best 10.
 * Query vectors are embedded beforehand, so only the search is timed. Vectors come from the feature-hashing
 * embedder over synthetic sentences: the arithmetic per vector is the same as for a model's, and filling
 * takes seconds. Writes {@code exact-search.json} and {@code .md}.
 */
public final class ExactSearchBenchmark {

    private static final String BANK = "exact";
    private static final int K = 10;
    private static final int FILL_BATCH = 1000;

    /**
     * @param sizes   bank sizes, each in a store of its own (at most the store's exact-search threshold to time
     *                the exact path)
     * @param queries measured queries per size, after as many warm-up queries
     */
    public record Options(Path out, List<Integer> sizes, int queries, String command) {
    }

    private final Options options;
    private final PrintStream console;

    public ExactSearchBenchmark(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public Map<String, Object> run() throws Exception {
        Files.createDirectories(options.out());
        Path work = Files.createTempDirectory(options.out(), "astrocyte-exact-");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", options.command());
        root.put("environment", Reports.environment());
        List<Object> rows = new ArrayList<>();
        try (HashingEmbedder embedder = new HashingEmbedder(384)) {
            for (int size : options.sizes()) {
                rows.add(atSize(embedder, size, work.resolve("exact-" + size)));
            }
        } finally {
            Reports.deleteRecursively(work);
        }
        root.put("exact_search", rows);
        Reports.writeJson(options.out().resolve("exact-search.json"), root);
        String table = table(rows);
        Files.writeString(options.out().resolve("exact-search.md"), table);
        console.println(table);
        return root;
    }

    private Map<String, Object> atSize(HashingEmbedder embedder, int size, Path dir) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memories", size);
        m.put("dimension", embedder.dimension());
        m.put("store_dot_product", LuceneVectorStore.dotProductKernel());
        float[][] vectors = new float[size][];
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, embedder.dimension(), embedder.modelId())) {
            SyntheticText text = new SyntheticText(size);
            Instant base = Instant.parse("2026-01-01T00:00:00Z");
            for (int start = 0; start < size; start += FILL_BATCH) {
                int n = Math.min(FILL_BATCH, size - start);
                List<String> batch = text.sentences(n);
                List<float[]> embedded = embedder.embed(batch);
                List<VectorItem> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String id = String.format("%016x", (long) start + i);
                    vectors[start + i] = Vectors.normalized(embedded.get(i));
                    items.add(new VectorItem(id, BANK, embedded.get(i), batch.get(i), null, null, "world", null,
                            "fact", base.plusSeconds(start + i), id + "#0", "exact", null));
                }
                store.storeVectors(items);
            }
            store.commit();
            store.awaitMerges();

            List<float[]> warmUp = queries(embedder, 11);
            List<float[]> measured = queries(embedder, 7);
            List<SearchCall> calls = List.of(
                    q -> store.searchSimilar(q, BANK, K, VectorFilters.none()).size(),
                    q -> plainScan(vectors, q),
                    q -> luceneScan(vectors, q));
            long sink = 0;
            for (float[] q : warmUp) {
                for (SearchCall c : calls) {
                    sink += c.search(q);
                }
            }
            List<List<Double>> timings = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            // interleaved per query, rotating the order, so all three share the JIT, cache and load state
            for (int i = 0; i < measured.size(); i++) {
                for (int k = 0; k < calls.size(); k++) {
                    int which = (i + k) % calls.size();
                    long t = System.nanoTime();
                    sink += calls.get(which).search(measured.get(i));
                    timings.get(which).add((System.nanoTime() - t) / 1e6);
                }
            }
            if (sink == 42) {
                console.println("(unlikely)");
            }
            m.put("store_exact_ms", Stats.percentiles(timings.get(0)));
            m.put("plain_loop_scan_ms", Stats.percentiles(timings.get(1)));
            m.put("vectorutil_scan_ms", Stats.percentiles(timings.get(2)));
            double storeP50 = Stats.percentile(timings.get(0), 50);
            m.put("store_vs_plain_loop_p50", Stats.round(storeP50 / Stats.percentile(timings.get(1), 50), 2));
            m.put("store_vs_vectorutil_p50", Stats.round(storeP50 / Stats.percentile(timings.get(2), 50), 2));
        }
        console.printf("exact search @%d: %s%n", size, m);
        return m;
    }

    private List<float[]> queries(HashingEmbedder embedder, long seed) {
        return embedder.embed(new SyntheticText(seed).questions(options.queries()));
    }

    /** The best K by a straightforward dot-product loop; returns how many were kept. */
    static int plainScan(float[][] vectors, float[] query) {
        TopK top = new TopK(K);
        for (int i = 0; i < vectors.length; i++) {
            float[] v = vectors[i];
            float dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += v[d] * query[d];
            }
            top.offer(i, dot);
        }
        return top.size();
    }

    /** The same with Lucene's dot product (unrolled; SIMD where Lucene enables the Vector API). */
    static int luceneScan(float[][] vectors, float[] query) {
        TopK top = new TopK(K);
        for (int i = 0; i < vectors.length; i++) {
            top.offer(i, VectorUtil.dotProduct(vectors[i], query));
        }
        return top.size();
    }

    /** A bounded min-heap of (index, score): what any exact top-k scan needs. */
    static final class TopK {
        private final int[] ids;
        private final float[] scores;
        private int size;

        TopK(int k) {
            ids = new int[k];
            scores = new float[k];
        }

        void offer(int id, float score) {
            if (size < ids.length) {
                int i = size++;
                ids[i] = id;
                scores[i] = score;
                up(i);
            } else if (score > scores[0]) {
                ids[0] = id;
                scores[0] = score;
                down(0);
            }
        }

        int size() {
            return size;
        }

        private void up(int i) {
            while (i > 0) {
                int p = (i - 1) / 2;
                if (scores[p] <= scores[i]) {
                    return;
                }
                swap(i, p);
                i = p;
            }
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int min = i;
                if (l < size && scores[l] < scores[min]) {
                    min = l;
                }
                if (r < size && scores[r] < scores[min]) {
                    min = r;
                }
                if (min == i) {
                    return;
                }
                swap(i, min);
                i = min;
            }
        }

        private void swap(int a, int b) {
            int id = ids[a];
            ids[a] = ids[b];
            ids[b] = id;
            float s = scores[a];
            scores[a] = scores[b];
            scores[b] = s;
        }
    }

    @FunctionalInterface
    private interface SearchCall {
        int search(float[] query);
    }

    @SuppressWarnings("unchecked")
    private static String table(List<Object> rows) {
        StringBuilder sb = new StringBuilder("Exact dense search, embedded store against a float-array scan of the "
                + "same vectors (top " + K + ", Java " + Runtime.version().feature() + ")\n\n"
                + "| memories | store's dot product | store p50 / p95 ms | plain loop p50 / p95 ms | VectorUtil scan p50 / p95 ms | "
                + "store ÷ plain loop | store ÷ VectorUtil |\n|---|---|---|---|---|---|---|\n");
        for (Object o : rows) {
            Map<String, Object> r = (Map<String, Object>) o;
            Map<String, Double> s = (Map<String, Double>) r.get("store_exact_ms");
            Map<String, Double> p = (Map<String, Double>) r.get("plain_loop_scan_ms");
            Map<String, Double> v = (Map<String, Double>) r.get("vectorutil_scan_ms");
            sb.append(String.format("| %d | %s | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %.2f | %.2f |%n",
                    r.get("memories"), r.get("store_dot_product"), s.get("p50"), s.get("p95"), p.get("p50"), p.get("p95"), v.get("p50"),
                    v.get("p95"), r.get("store_vs_plain_loop_p50"), r.get("store_vs_vectorutil_p50")));
        }
        return sb.toString();
    }
}
