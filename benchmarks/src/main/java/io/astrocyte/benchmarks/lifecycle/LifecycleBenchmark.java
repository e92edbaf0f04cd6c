package io.astrocyte.benchmarks.lifecycle;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.LifecycleResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.benchmarks.speed.SyntheticText;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What lifecycle costs on the embedded store (issue 18). Part one times a lifecycle pass over a bank of
 * {@code memories} memories three ways: nothing due (the read and the decisions), everything archived, everything
 * purged; each on a freshly filled store, {@code repeats} times, medians reported. Part two measures what keeping
 * per-memory recall statistics adds to recall: two instances over two identical stores, one with
 * {@code lifecycle.recall_stats} on (flushing every second, so flushes land inside the measurement) and one
 * with it off, queried in alternating blocks so that machine noise falls on both alike; p50 and p95 of each.
 */
public final class LifecycleBenchmark {

    /** Settings of one run. */
    public record Options(Path out, Embedder embedder, int memories, int repeats, int recallMemories, int queries,
            String command) {
    }

    private static final AstrocyteContext OPS = AstrocyteContext.of("service:ops");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock the benchmark sets, so that ages are exact. */
    private static final class SetClock extends Clock {
        private volatile Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Options options;
    private final PrintStream log;

    public LifecycleBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    private static AstrocyteConfig config(boolean recallStats) {
        return ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                "lifecycle", Map.of("enabled", true, "recall_stats", recallStats, "recall_stats_flush_seconds", 1,
                        "ttl", Map.of("archive_after_days", 90, "delete_after_days", 365)),
                "access_grants", List.of(Map.of("bank_id", "*", "principal", OPS.principal(),
                        "permissions", List.of("read", "write", "admin")))));
    }

    public void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "lifecycle");
        report.put("command", options.command());
        report.put("embedder", options.embedder().modelId());
        report.put("pass", passes());
        report.put("recall_statistics", recallOverhead());
        report.put("environment", Reports.environment());
        Reports.writeJson(options.out().resolve("lifecycle.json"), report);
        writeTable(report);
    }

    private Map<String, Object> passes() throws Exception {
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (int r = 0; r < options.repeats(); r++) {
            Path dir = Files.createTempDirectory("astrocyte-lifecycle-bench");
            SetClock clock = new SetClock();
            try (LuceneVectorStore store = LuceneVectorStore.open(dir, options.embedder().dimension(),
                    options.embedder().modelId());
                    Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(options.embedder())
                            .governanceStore(new InMemoryGovernanceStore()).clock(clock).config(config(true))
                            .build()) {
                fill(store, options.memories());
                for (Object[] step : new Object[][] {{"nothing due", 10}, {"archive all", 100}, {"purge all", 400}}) {
                    clock.now = T0.plus(Duration.ofDays((Integer) step[1]));
                    long start = System.nanoTime();
                    LifecycleResult result = brain.runLifecycle("bank", OPS);
                    double ms = (System.nanoTime() - start) / 1e6;
                    millis.computeIfAbsent((String) step[0], k -> new ArrayList<>()).add(ms);
                    changed.put((String) step[0], result.archivedCount() + result.deletedCount());
                    log.printf("lifecycle pass over %,d memories, %s: %.0f ms (%d changed)%n", options.memories(),
                            step[0], ms, result.archivedCount() + result.deletedCount());
                }
            } finally {
                Reports.deleteRecursively(dir);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("memories", options.memories());
        out.put("repeats", options.repeats());
        List<Map<String, Object>> rows = new ArrayList<>();
        millis.forEach((step, runs) -> {
            double median = Stats.percentile(runs, 50);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pass", step);
            row.put("changed", changed.get(step));
            row.put("median_ms", Stats.round(median, 1));
            row.put("us_per_memory", Stats.round(median * 1000 / options.memories(), 2));
            row.put("runs_ms", runs.stream().map(m -> Stats.round(m, 1)).toList());
            rows.add(row);
        });
        out.put("rows", rows);
        return out;
    }

    /**
     * Two stores filled identically, A and B, each queried through its own instance; in round one A keeps recall
     * statistics and B does not, in round two the roles swap, so a difference between the stores themselves
     * (segment layout, page cache) falls on both sides alike. Within a round the instances take turns in blocks.
     */
    private Map<String, Object> recallOverhead() throws Exception {
        SyntheticText text = new SyntheticText(7);
        List<String> memories = text.sentences(options.recallMemories());
        List<String> questions = text.questions(options.queries());
        Path a = Files.createTempDirectory("astrocyte-stats-a");
        Path b = Files.createTempDirectory("astrocyte-stats-b");
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        List<Map<String, Object>> rounds = new ArrayList<>();
        try (LuceneVectorStore storeA = LuceneVectorStore.open(a, options.embedder().dimension(),
                options.embedder().modelId());
                LuceneVectorStore storeB = LuceneVectorStore.open(b, options.embedder().dimension(),
                        options.embedder().modelId())) {
            fillText(storeA, memories);
            fillText(storeB, memories);
            for (int round = 0; round < 2; round++) {
                boolean aKeeps = round == 0;
                Map<String, List<Double>> here = new LinkedHashMap<>();
                try (Astrocyte onA = brain(storeA, aKeeps); Astrocyte onB = brain(storeB, !aKeeps)) {
                    for (String q : questions.subList(0, Math.min(200, questions.size()))) { // warm-up
                        onA.recall(RecallRequest.of("bank", q), OPS);
                        onB.recall(RecallRequest.of("bank", q), OPS);
                    }
                    int block = 250;
                    for (int from = 0; from < questions.size(); from += block) {
                        List<String> part = questions.subList(from, Math.min(questions.size(), from + block));
                        boolean aFirst = (from / block) % 2 == 0;
                        for (int i = 0; i < 2; i++) {
                            boolean useA = aFirst == (i == 0);
                            boolean stats = useA == aKeeps;
                            Astrocyte brain = useA ? onA : onB;
                            List<Double> into = here.computeIfAbsent(stats ? "on" : "off", k -> new ArrayList<>());
                            for (String q : part) {
                                long start = System.nanoTime();
                                brain.recall(RecallRequest.of("bank", q), OPS);
                                into.add((System.nanoTime() - start) / 1e6);
                            }
                        }
                    }
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("round", round + 1);
                r.put("statistics_on_store", aKeeps ? "A" : "B");
                r.put("p50_ms_on", Stats.round(Stats.percentile(here.get("on"), 50), 3));
                r.put("p50_ms_off", Stats.round(Stats.percentile(here.get("off"), 50), 3));
                rounds.add(r);
                here.forEach((k, v) -> samples.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                log.printf("round %d (statistics on store %s): p50 on %.3f ms, off %.3f ms%n", round + 1,
                        aKeeps ? "A" : "B", Stats.percentile(here.get("on"), 50), Stats.percentile(here.get("off"), 50));
            }
        } finally {
            Reports.deleteRecursively(a);
            Reports.deleteRecursively(b);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("memories", options.recallMemories());
        out.put("queries_each_per_round", options.queries());
        out.put("rounds", rounds);
        double p50on = Stats.percentile(samples.get("on"), 50);
        double p50off = Stats.percentile(samples.get("off"), 50);
        out.put("p50_ms_off", Stats.round(p50off, 3));
        out.put("p50_ms_on", Stats.round(p50on, 3));
        out.put("p95_ms_off", Stats.round(Stats.percentile(samples.get("off"), 95), 3));
        out.put("p95_ms_on", Stats.round(Stats.percentile(samples.get("on"), 95), 3));
        out.put("p50_overhead_percent", Stats.round((p50on / p50off - 1) * 100, 1));
        out.put("tracker_ns_per_recall", Stats.round(trackerCost(), 0));
        log.printf("recall p50 with recall statistics %.3f ms, without %.3f ms (%+.1f %%); tracker %.0f ns per recall%n",
                p50on, p50off, (p50on / p50off - 1) * 100, (double) out.get("tracker_ns_per_recall"));
        return out;
    }

    /** What a recall itself spends on statistics: handing ten hit ids to the tracker (no store write). */
    private static double trackerCost() {
        io.astrocyte.lifecycle.RecallTracker tracker = new io.astrocyte.lifecycle.RecallTracker(
                new io.astrocyte.store.memory.InMemoryVectorStore(), Clock.systemUTC(), null);
        List<List<String>> hits = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            List<String> ids = new ArrayList<>();
            for (int j = 0; j < 10; j++) {
                ids.add("m" + ((i * 10 + j) % 10_000));
            }
            hits.add(ids);
        }
        List<Double> perCall = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            long start = System.nanoTime();
            for (List<String> ids : hits) {
                tracker.recalled("bank", ids);
            }
            perCall.add((System.nanoTime() - start) / (double) hits.size());
            tracker.flush();
        }
        return Stats.percentile(perCall.subList(5, perCall.size()), 50);
    }

    private void fillText(LuceneVectorStore store, List<String> texts) {
        List<VectorItem> batch = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            batch.add(new VectorItem("s" + i, "bank", options.embedder().embed(t), t, null, null, "world", null, "fact",
                    T0.plusSeconds(i), "s" + i + "#0", "bench", null));
            if (batch.size() == 1000 || i == texts.size() - 1) {
                store.storeVectors(batch);
                batch.clear();
            }
        }
    }

    private Astrocyte brain(LuceneVectorStore store, boolean recallStats) {
        return Astrocyte.builder().vectorStore(store).embedder(options.embedder())
                .governanceStore(new InMemoryGovernanceStore()).config(config(recallStats)).build();
    }

    /** Memories written straight to the store, all retained at T0 (runs of ten share a moment, like chunks). */
    private void fill(LuceneVectorStore store, int size) {
        List<VectorItem> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String text = "memory " + i + " about topic " + (i % 97) + " and a detail numbered " + (i * 7919 % 10007);
            batch.add(new VectorItem("m" + i, "bank", options.embedder().embed(text), text, Map.of("n", i),
                    List.of("t" + (i % 5)), null, null, "fact", T0.plusMillis(i / 10), "m" + i + "#0", "bench", null));
            if (batch.size() == 1000) {
                store.storeVectors(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.storeVectors(batch);
        }
    }

    @SuppressWarnings("unchecked")
    private void writeTable(Map<String, Object> report) throws Exception {
        Map<String, Object> pass = (Map<String, Object>) report.get("pass");
        Map<String, Object> recall = (Map<String, Object>) report.get("recall_statistics");
        StringBuilder md = new StringBuilder("# Lifecycle cost, embedded store\n\n`" + options.command() + "`\n\n");
        md.append(String.format("Lifecycle pass over %,d memories (median of %s):%n%n", pass.get("memories"),
                pass.get("repeats")));
        md.append("| pass | memories changed | median ms | µs per memory |\n|---|---:|---:|---:|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) pass.get("rows")) {
            md.append(String.format("| %s | %,d | %s | %s |%n", row.get("pass"), (Integer) row.get("changed"),
                    row.get("median_ms"), row.get("us_per_memory")));
        }
        md.append(String.format("%nRecall with and without per-memory recall statistics (%,d memories, %,d queries"
                + " per side and round, two rounds with the stores' roles swapped, embedder %s):%n%n",
                recall.get("memories"), recall.get("queries_each_per_round"), report.get("embedder")));
        md.append("| recall statistics | p50 ms | p95 ms |\n|---|---:|---:|\n");
        md.append(String.format("| off | %s | %s |%n| on | %s | %s |%n%np50 overhead: %s %%; handing a recall's ten"
                + " hit ids to the tracker: %s ns%n", recall.get("p50_ms_off"), recall.get("p95_ms_off"),
                recall.get("p50_ms_on"), recall.get("p95_ms_on"), recall.get("p50_overhead_percent"),
                recall.get("tracker_ns_per_recall")));
        Files.writeString(options.out().resolve("lifecycle.md"), md.toString());
    }
}
