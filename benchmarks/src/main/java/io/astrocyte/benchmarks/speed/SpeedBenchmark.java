package io.astrocyte.benchmarks.speed;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.SignalQualityConfig;
import io.astrocyte.embedded.embedding.LocalEmbedder;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.pipeline.recall.HeuristicReranker;
import io.astrocyte.pipeline.recall.RecallPipeline;
import io.astrocyte.pipeline.recall.TokenBudget;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Speed and scale (BENCHMARKS.md §2) on the embedded default: raw embedder throughput, retain throughput
 * through the facade (sequential and 4 concurrent writers) with the real and the hashing embedder, and
 * recall latency at several bank sizes with 1 and 8 threads, heap and disk per memory, and the cost of
 * the facade over the bare pipeline. Writes {@code speed.json}.
 */
public final class SpeedBenchmark {

    /** Recalls run on each measured path before timing starts (questions of another seed). */
    static final int WARM_UP_QUERIES = 300;

    private static final AstrocyteContext CONTEXT = AstrocyteContext.of("service:speed-benchmark");
    /**
     * The default configuration with a grant for the benchmark's identity on every bank: the banks are
     * filled behind the facade, so nobody owns them, and the access check stays on the measured path.
     */
    private static final AstrocyteConfig CONFIG = AstrocyteConfig.defaultConfig().withAccessGrants(List.of(
            new io.astrocyte.config.AccessGrantConfig("*", CONTEXT.principal(), List.of("read", "write", "forget", "admin"))));
    private static final String BANK = "speed";
    private static final int FILL_BATCH = 1000;

    /**
     * @param sizes         bank sizes measured with the real embedder
     * @param hashingSizes  bank sizes measured with the feature-hashing embedder (for scales the real model
     *                      cannot fill in reasonable time, such as 1M)
     * @param retains       retains per throughput measurement; 0 skips the retain section
     * @param model         the in-process model measured as "the real embedder"
     */
    public record Options(Path out, List<Integer> sizes, List<Integer> hashingSizes, int queries, int retains,
            String command, LocalEmbedder.LocalModel model) {

        public Options(Path out, List<Integer> sizes, List<Integer> hashingSizes, int queries, int retains,
                String command) {
            this(out, sizes, hashingSizes, queries, retains, command, LocalEmbedder.LocalModel.ALL_MINILM_L6_V2_Q);
        }
    }

    private final Options options;
    private final PrintStream console;

    public SpeedBenchmark(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public Map<String, Object> run() throws Exception {
        Files.createDirectories(options.out());
        Path work = Files.createTempDirectory(options.out(), "astrocyte-speed-");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("command", options.command());
        root.put("environment", Reports.environment());
        try (LocalEmbedder real = new LocalEmbedder(options.model(), Runtime.getRuntime().availableProcessors());
                HashingEmbedder hashing = new HashingEmbedder(384)) {
            Map<String, Object> retain = new LinkedHashMap<>();
            if (options.retains() > 0) {
                retain.put("real_embedder", retainThroughput(real, work.resolve("retain-real")));
                retain.put("hashing_embedder", retainThroughput(hashing, work.resolve("retain-hashing")));
            }
            root.put("retain", retain);
            List<Object> recall = new ArrayList<>();
            for (int size : options.sizes()) {
                recall.add(recallAtSize(real, size, work.resolve("recall-" + size)));
            }
            for (int size : options.hashingSizes()) {
                recall.add(recallAtSize(hashing, size, work.resolve("recall-hashing-" + size)));
            }
            root.put("recall", recall);
        } finally {
            Reports.deleteRecursively(work);
        }
        Reports.writeJson(options.out().resolve("speed.json"), root);
        console.println(table(root));
        Files.writeString(options.out().resolve("speed.md"), table(root));
        return root;
    }

    // ---- retain -----------------------------------------------------------------------------------

    /**
     * Raw embedding and retains through the facade (default config, so with dedup; and again with dedup
     * off), measured in rotating blocks over the same period, so that the ratios do not depend on what else
     * the shared machine was doing at any one moment.
     */
    private Map<String, Object> retainThroughput(Embedder embedder, Path dir) throws Exception {
        int block = 100;
        List<String> texts = new SyntheticText(1).sentences(options.retains());
        List<String> rawTexts = new SyntheticText(2).sentences(options.retains());
        embedder.embed(texts.subList(0, Math.min(100, texts.size()))); // warm-up
        long rawSingleNs = 0;
        long rawBatchedNs = 0;
        long[] sequentialNs = new long[2];
        long[] concurrentNs = new long[2];
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AstrocyteConfig noDedup = CONFIG.withSignalQuality(new SignalQualityConfig(
                new SignalQualityConfig.Dedup(false, null, null), null));
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, embedder.dimension(), embedder.modelId());
                Astrocyte withDedup = Astrocyte.builder().vectorStore(store).embedder(embedder).config(CONFIG).build();
                Astrocyte withoutDedup = Astrocyte.builder().vectorStore(store).embedder(embedder).config(noDedup)
                        .build()) {
            Astrocyte[] brains = {withDedup, withoutDedup};
            for (String t : texts.subList(0, Math.min(100, texts.size()))) {
                withDedup.retain(RetainRequest.of("warmup", t), CONTEXT);
            }
            for (int start = 0; start < texts.size(); start += block) {
                List<String> mine = texts.subList(start, Math.min(texts.size(), start + block));
                List<String> raw = rawTexts.subList(start, Math.min(rawTexts.size(), start + block));
                int rotation = (start / block) % 3;
                for (int step = 0; step < 3; step++) {
                    int phase = (step + rotation) % 3;
                    if (phase == 0) {
                        long t0 = System.nanoTime();
                        for (String t : raw) {
                            embedder.embed(t);
                        }
                        rawSingleNs += System.nanoTime() - t0;
                        t0 = System.nanoTime();
                        for (int i = 0; i < raw.size(); i += 32) {
                            embedder.embed(raw.subList(i, Math.min(raw.size(), i + 32)));
                        }
                        rawBatchedNs += System.nanoTime() - t0;
                        continue;
                    }
                    int b = phase - 1;
                    Astrocyte brain = brains[b];
                    String bank = BANK + (b == 0 ? "" : "-nodedup");
                    long t0 = System.nanoTime();
                    for (String t : mine) {
                        brain.retain(RetainRequest.of(bank, t), CONTEXT);
                    }
                    sequentialNs[b] += System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    List<Future<?>> futures = new ArrayList<>();
                    for (int w = 0; w < threads; w++) {
                        int writer = w;
                        futures.add(pool.submit(() -> {
                            for (int i = writer; i < mine.size(); i += threads) {
                                brain.retain(RetainRequest.of(bank + "-concurrent", mine.get(i)), CONTEXT);
                            }
                        }));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                    concurrentNs[b] += System.nanoTime() - t0;
                }
            }
        } finally {
            pool.shutdown();
        }
        double rawSingle = texts.size() / (rawSingleNs / 1e9);
        double rawBatched = texts.size() / (rawBatchedNs / 1e9);
        double sequential = texts.size() / (sequentialNs[0] / 1e9);
        double concurrent = texts.size() / (concurrentNs[0] / 1e9);
        double sequentialNoDedup = texts.size() / (sequentialNs[1] / 1e9);
        double concurrentNoDedup = texts.size() / (concurrentNs[1] / 1e9);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("embedder", embedder.modelId());
        m.put("memories", texts.size());
        m.put("raw_embed_per_s_single", Stats.round(rawSingle, 1));
        m.put("raw_embed_per_s_batched", Stats.round(rawBatched, 1));
        m.put("retain_per_s_sequential", Stats.round(sequential, 1));
        m.put("retain_per_s_concurrent_4", Stats.round(concurrent, 1));
        m.put("ratio_sequential_vs_raw_single", Stats.round(sequential / rawSingle, 3));
        m.put("ratio_concurrent_vs_raw_batched", Stats.round(concurrent / rawBatched, 3));
        m.put("retain_per_s_sequential_no_dedup", Stats.round(sequentialNoDedup, 1));
        m.put("retain_per_s_concurrent_4_no_dedup", Stats.round(concurrentNoDedup, 1));
        m.put("dedup_cost_sequential", Stats.round(sequentialNoDedup / sequential, 3));
        m.put("dedup_cost_concurrent_4", Stats.round(concurrentNoDedup / concurrent, 3));
        console.printf("retain %s: %s%n", embedder.modelId(), m);
        return m;
    }

    // ---- recall -----------------------------------------------------------------------------------

    private Map<String, Object> recallAtSize(Embedder embedder, int size, Path dir) throws Exception {
        System.gc();
        long heapBefore = usedHeap();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("memories", size);
        m.put("embedder", embedder.modelId());
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, embedder.dimension(), embedder.modelId());
                Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(embedder)
                        .config(CONFIG).build()) {
            long t0 = System.nanoTime();
            fill(store, embedder, size);
            store.commit();
            store.awaitMerges();
            m.put("fill_seconds", Stats.round(seconds(t0), 1));
            System.gc();
            m.put("heap_bytes_per_memory", Math.max(0, (usedHeap() - heapBefore) / size));
            m.put("disk_bytes_per_memory", Reports.sizeOf(dir) / size);

            List<String> questions = new SyntheticText(7).questions(options.queries());
            ExecutorService strategies = Executors.newFixedThreadPool(4);
            RecallPipeline bare = new RecallPipeline(store, store, embedder, brain.config().pipeline().recall(),
                    new HeuristicReranker(brain.config().pipeline().rerank()), strategies, Clock.systemUTC());
            // Interleaved per query, rotating the order, so all three see the same JIT, cache and load state.
            List<java.util.function.Consumer<String>> calls = List.of(
                    q -> brain.recall(RecallRequest.of(BANK, q), CONTEXT),
                    q -> TokenBudget.apply(bare.rank(RecallRequest.of(BANK, q), BANK).hits(), 10, null),
                    q -> store.searchSimilar(embedder.embed(q), BANK, 10, VectorFilters.none()));
            // Warm-up on other questions until the JIT has compiled the hot paths: with 50 warm-up recalls, the
            // first few hundred measured ones still ran slower code (p50 9 ms over 300 queries, 6 ms over 1,000).
            for (String q : new SyntheticText(11).questions(WARM_UP_QUERIES)) {
                for (java.util.function.Consumer<String> call : calls) {
                    call.accept(q);
                }
            }
            List<List<Double>> timings = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < questions.size(); i++) {
                for (int k = 0; k < calls.size(); k++) {
                    int which = (i + k) % calls.size();
                    long t = System.nanoTime();
                    calls.get(which).accept(questions.get(i));
                    timings.get(which).add((System.nanoTime() - t) / 1e6);
                }
            }
            strategies.shutdown();
            List<Double> single = timings.get(0);
            List<Double> pipeline = timings.get(1);
            List<Double> denseOnly = timings.get(2);
            m.put("recall_1_thread_ms", Stats.percentiles(single));
            m.put("recall_8_threads_ms", Stats.percentiles(concurrent(questions, 8,
                    q -> brain.recall(RecallRequest.of(BANK, q), CONTEXT))));
            List<Double> embedOnly = timeEach(questions, embedder::embed);
            double facadeP50 = Stats.percentile(single, 50);
            m.put("pipeline_direct_ms", Stats.percentiles(pipeline));
            m.put("dense_store_only_ms", Stats.percentiles(denseOnly));
            m.put("query_embedding_ms", Stats.percentiles(embedOnly));
            m.put("policy_overhead_ratio", Stats.round(facadeP50 / Stats.percentile(pipeline, 50), 3));
            m.put("hybrid_vs_dense_store_ratio", Stats.round(facadeP50 / Stats.percentile(denseOnly, 50), 3));
        }
        console.printf("recall @%d: %s%n", size, m);
        return m;
    }

    /** Fills the bank through the store in batches, with real embeddings, as retains would have stored them. */
    private static void fill(LuceneVectorStore store, Embedder embedder, int size) {
        SyntheticText text = new SyntheticText(size);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int start = 0; start < size; start += FILL_BATCH) {
            int n = Math.min(FILL_BATCH, size - start);
            List<String> batch = text.sentences(n);
            List<float[]> vectors = embedder.embed(batch);
            List<VectorItem> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = String.format("%016x", (long) start + i);
                items.add(new VectorItem(id, BANK, vectors.get(i), batch.get(i), null, null, "world", null, "fact",
                        base.plusSeconds(start + i), id + "#0", "speed", null));
            }
            store.storeVectors(items);
        }
    }

    private static List<Double> timeEach(List<String> questions, java.util.function.Consumer<String> call) {
        List<Double> ms = new ArrayList<>(questions.size());
        for (String q : questions) {
            long t = System.nanoTime();
            call.accept(q);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return ms;
    }

    private static List<Double> concurrent(List<String> questions, int threads,
            java.util.function.Consumer<String> call) throws Exception {
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            futures.add(pool.submit(() -> {
                for (int i = worker; i < questions.size(); i += threads) {
                    long t = System.nanoTime();
                    call.accept(questions.get(i));
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return ms;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> root) {
        StringBuilder sb = new StringBuilder("Speed and scale, embedded default\n\n");
        sb.append("| embedder | raw embed/s (1 / batched) | retain/s (1 thread / 4 threads) | ratio vs raw |\n");
        sb.append("|---|---|---|---|\n");
        for (Object v : ((Map<String, Object>) root.get("retain")).values()) {
            Map<String, Object> r = (Map<String, Object>) v;
            sb.append(String.format("| %s | %s / %s | %s / %s | %s / %s |%n", r.get("embedder"),
                    r.get("raw_embed_per_s_single"), r.get("raw_embed_per_s_batched"), r.get("retain_per_s_sequential"),
                    r.get("retain_per_s_concurrent_4"), r.get("ratio_sequential_vs_raw_single"),
                    r.get("ratio_concurrent_vs_raw_batched")));
        }
        sb.append("\n| memories | embedder | recall p50/p95/p99 ms (1 thread) | p50/p95/p99 ms (8 threads) | pipeline p50 | "
                + "dense-only p50 | query embed p50 | policy overhead | heap B/mem | disk B/mem |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Object v : (List<Object>) root.get("recall")) {
            Map<String, Object> r = (Map<String, Object>) v;
            Map<String, Double> one = (Map<String, Double>) r.get("recall_1_thread_ms");
            Map<String, Double> eight = (Map<String, Double>) r.get("recall_8_threads_ms");
            sb.append(String.format("| %s | %s | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %.2f | %.2f | %.2f | %s | %s | %s |%n",
                    r.get("memories"), r.get("embedder"), one.get("p50"), one.get("p95"), one.get("p99"), eight.get("p50"),
                    eight.get("p95"), eight.get("p99"), ((Map<String, Double>) r.get("pipeline_direct_ms")).get("p50"),
                    ((Map<String, Double>) r.get("dense_store_only_ms")).get("p50"),
                    ((Map<String, Double>) r.get("query_embedding_ms")).get("p50"), r.get("policy_overhead_ratio"),
                    r.get("heap_bytes_per_memory"), r.get("disk_bytes_per_memory")));
        }
        return sb.toString();
    }
}
