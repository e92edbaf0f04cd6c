package io.astrocyte.benchmarks.soak;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.benchmarks.speed.SyntheticText;
import io.astrocyte.config.AccessGrantConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Soak: concurrent threads of mixed retain / recall / reflect / forget / history on the embedded store,
 * starting from a filled store, for a fixed time. Reports operations and p50/p99 per verb, every error
 * (there must be none), heap after a GC and open file descriptors once a minute, and at the end checks the
 * ledger against the store, before and after reopening it: every acknowledged retain present, every
 * acknowledged forget gone.
 */
public final class SoakBenchmark {

    /** What to run. */
    public record Options(Path out, Path dataDir, Embedder embedder, double minutes, int threads, int initial,
            String command) {
    }

    private static final AstrocyteContext CONTEXT = AstrocyteContext.of("service:soak");
    private static final int BANKS = 16;
    private static final List<String> VERBS = List.of("retain", "recall", "reflect", "forget", "history");

    private final Options options;
    private final PrintStream console;
    /** Memories the workers may forget; bounded, so the harness's heap stays flat. */
    private final ForgetCandidates forgettable = new ForgetCandidates(4096);
    private final Map<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private Ledger ledger;
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final AtomicLong deduplicated = new AtomicLong();
    private final AtomicLong counter = new AtomicLong();

    public SoakBenchmark(Options options, PrintStream console) {
        this.options = options;
        this.console = console;
        VERBS.forEach(v -> latencies.put(v, new LatencyHistogram()));
    }

    private static AstrocyteConfig config() {
        return AstrocyteConfig.defaultConfig().withAccessGrants(List.of(new AccessGrantConfig("*", CONTEXT.principal(),
                List.of("read", "write", "forget", "admin"))));
    }

    private Astrocyte open() {
        return Astrocyte.builder().dataDirectory(options.dataDir()).embedder(options.embedder()).config(config())
                .build();
    }

    public Map<String, Object> run() throws Exception {
        Files.createDirectories(options.dataDir());
        Map<String, Object> report = new LinkedHashMap<>();
        List<Map<String, Object>> minutes = new ArrayList<>();
        long fillStart = System.nanoTime();
        Path ledgerFile = Files.createTempFile("astrocyte-soak-ledger", ".log");
        try (Ledger opened = new Ledger(ledgerFile); Astrocyte brain = open()) {
            ledger = opened;
            fill(brain);
            report.put("initial_memories", ledger.retains());
            report.put("fill_seconds", Stats.round((System.nanoTime() - fillStart) / 1e9, 1));
            console.printf("soak: %d memories in %d banks; %d threads for %.1f minutes%n", ledger.retains(), BANKS,
                    options.threads(), options.minutes());
            latencies.values().forEach(LatencyHistogram::clear);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(options.threads());
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < options.threads(); t++) {
                long seed = 1000 + t;
                workers.add(pool.submit(() -> work(brain, new Random(seed), stop)));
            }
            long totalMs = (long) (options.minutes() * 60_000);
            long sampleEveryMs = Math.min(60_000, Math.max(1_000, totalMs / 10));
            long start = System.currentTimeMillis();
            while (System.currentTimeMillis() - start < totalMs) {
                Thread.sleep(Math.min(sampleEveryMs, totalMs - (System.currentTimeMillis() - start)));
                minutes.add(sample(System.currentTimeMillis() - start));
                console.printf("  %s%n", minutes.get(minutes.size() - 1));
            }
            stop.set(true);
            for (Future<?> w : workers) {
                w.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            report.put("lost_writes_before_reopen", verify(brain));
            report.put("acknowledged_retains", ledger.retains());
            report.put("acknowledged_forgets", ledger.forgets());
            try (Astrocyte reopened = reopen(brain)) {
                report.put("lost_writes_after_reopen", verify(reopened));
            }
        }
        report.put("minutes", options.minutes());
        report.put("threads", options.threads());
        report.put("embedder", options.embedder().modelId());
        Map<String, Object> verbs = new LinkedHashMap<>();
        for (String v : VERBS) {
            LatencyHistogram h = latencies.get(v);
            verbs.put(v, Map.of("ops", h.count(), "p50_ms", Stats.round(h.percentile(50), 2), "p99_ms",
                    Stats.round(h.percentile(99), 2)));
        }
        report.put("verbs", verbs);
        Map<String, Long> errorCounts = new LinkedHashMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.get()));
        report.put("errors", errorCounts.values().stream().mapToLong(Long::longValue).sum());
        report.put("error_kinds", errorCounts);
        report.put("deduplicated_retains", deduplicated.get());
        report.put("samples", minutes);
        report.put("heap_trend", heapTrend(minutes));
        report.put("command", options.command());
        report.put("environment", Reports.environment());
        Reports.writeJson(options.out().resolve("soak.json"), report);
        String table = table(report);
        Files.writeString(options.out().resolve("soak.md"), table);
        console.println(table);
        return report;
    }

    /** Retains until at least {@code initial} memories are stored (dedup folds a few near-repeats). */
    private void fill(Astrocyte brain) {
        SyntheticText text = new SyntheticText(7);
        while (ledger.retains() < options.initial()) {
            text.sentences((int) Math.max(64, options.initial() - ledger.retains())).parallelStream()
                    .forEach(t -> retain(brain, t, false));
        }
    }

    private String bank(Random random) {
        return "soak-" + random.nextInt(BANKS);
    }

    private void work(Astrocyte brain, Random random, AtomicBoolean stop) {
        SyntheticText text = new SyntheticText(random.nextLong());
        while (!stop.get()) {
            int roll = random.nextInt(100);
            String verb = roll < 40 ? "retain" : roll < 65 ? "recall" : roll < 75 ? "reflect" : roll < 85 ? "forget"
                    : "history";
            long t0 = System.nanoTime();
            try {
                switch (verb) {
                    case "retain" -> retain(brain, text.sentences(1).get(0), true);
                    case "recall" -> brain.recall(RecallRequest.builder(text.questions(1).get(0))
                            .bankId(bank(random)).maxResults(10).build(), CONTEXT);
                    case "reflect" -> brain.reflect(ReflectRequest.of(bank(random), text.questions(1).get(0)), CONTEXT);
                    case "forget" -> forgetOne(brain, random);
                    default -> brain.history(HistoryRequest.of(bank(random), text.questions(1).get(0),
                            Instant.now().minusSeconds(random.nextInt(60))), CONTEXT);
                }
                latencies.get(verb).record((System.nanoTime() - t0) / 1e6);
            } catch (RuntimeException e) {
                errors.computeIfAbsent(verb + ": " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                        k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    private void retain(Astrocyte brain, String text, boolean forgettableLater) {
        String bank = "soak-" + ThreadLocalRandom.current().nextInt(BANKS);
        RetainResult r = brain.retain(RetainRequest.of(bank, text + " [" + counter.incrementAndGet() + "]"), CONTEXT);
        if (r.stored()) {
            for (String id : r.memoryIds()) {
                ledger.retained(id, bank);
                if (forgettableLater || ThreadLocalRandom.current().nextInt(4) == 0) {
                    forgettable.add(id, bank, ThreadLocalRandom.current());
                }
            }
        } else if (r.deduplicated()) {
            deduplicated.incrementAndGet();
        } else {
            throw new IllegalStateException("retain not stored: " + r.error());
        }
    }

    private void forgetOne(Astrocyte brain, Random random) {
        ForgetCandidates.Candidate c = forgettable.take(random).orElse(null);
        if (c == null) {
            return;
        }
        brain.forget(ForgetRequest.byIds(c.bank(), List.of(c.id())), CONTEXT);
        ledger.forgotten(c.id(), c.bank()); // acknowledged: forget returned normally
    }

    private Map<String, Object> sample(long elapsedMs) {
        System.gc();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("elapsed_s", elapsedMs / 1000);
        s.put("heap_used_mb", Stats.round(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
                / 1048576.0, 1));
        s.put("open_fds", openFileDescriptors());
        s.put("acknowledged_writes", ledger.retains() + ledger.forgets());
        s.put("ops", latencies.values().stream().mapToLong(LatencyHistogram::count).sum());
        s.put("errors", errors.values().stream().mapToLong(AtomicLong::get).sum());
        return s;
    }

    private static long openFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount();
        }
        return -1;
    }

    /** Every acknowledged retain present and every acknowledged forget gone, bank by bank. */
    private Map<String, Object> verify(Astrocyte brain) {
        Ledger.Expected expected = ledger.expected();
        LuceneVectorStore store = (LuceneVectorStore) brain.vectorStore();
        Set<String> live = new HashSet<>();
        for (int b = 0; b < BANKS; b++) {
            for (VectorItem item : store.listVectors("soak-" + b, null, Integer.MAX_VALUE, VectorFilters.none())) {
                live.add(item.id());
            }
        }
        long missing = expected.liveByBank().values().stream().flatMap(Set::stream).filter(id -> !live.contains(id))
                .count();
        long resurrected = expected.forgotten().stream().filter(live::contains).count();
        return Map.of("missing_retains", missing, "forgets_undone", resurrected, "live_memories", live.size());
    }

    /** Closes the instance and opens the data folder again, as a restart would. */
    private Astrocyte reopen(Astrocyte brain) {
        brain.close();
        return open();
    }

    /** Least-squares slope of heap after GC over the run, in MB per minute, and the first/last samples. */
    private static Map<String, Object> heapTrend(List<Map<String, Object>> samples) {
        int n = samples.size();
        if (n < 2) {
            return Map.of("samples", n);
        }
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (Map<String, Object> s : samples) {
            double x = ((Number) s.get("elapsed_s")).doubleValue() / 60;
            double y = ((Number) s.get("heap_used_mb")).doubleValue();
            sx += x;
            sy += y;
            sxy += x * y;
            sxx += x * x;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return Map.of("slope_mb_per_minute", Stats.round(slope, 2), "first_mb", samples.get(0).get("heap_used_mb"),
                "last_mb", samples.get(n - 1).get("heap_used_mb"), "max_mb", samples.stream()
                        .mapToDouble(s -> ((Number) s.get("heap_used_mb")).doubleValue()).max().orElse(0));
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Soak: ").append(r.get("threads")).append(" threads, ").append(r.get("minutes"))
                .append(" minutes, embedder ").append(r.get("embedder")).append(", from ")
                .append(r.get("initial_memories")).append(" memories\n\n");
        sb.append("| verb | ops | p50 ms | p99 ms |\n|---|---|---|---|\n");
        ((Map<String, Map<String, Object>>) r.get("verbs")).forEach((verb, m) -> sb.append("| ").append(verb)
                .append(" | ").append(m.get("ops")).append(" | ").append(m.get("p50_ms")).append(" | ")
                .append(m.get("p99_ms")).append(" |\n"));
        sb.append("\nerrors: ").append(r.get("errors")).append("; acknowledged retains: ")
                .append(r.get("acknowledged_retains")).append(", forgets: ").append(r.get("acknowledged_forgets"))
                .append("; deduplicated: ").append(r.get("deduplicated_retains")).append('\n');
        sb.append("lost writes before reopen: ").append(r.get("lost_writes_before_reopen")).append('\n');
        sb.append("lost writes after reopen: ").append(r.get("lost_writes_after_reopen")).append('\n');
        sb.append("heap trend: ").append(r.get("heap_trend")).append("\n\n");
        sb.append("| elapsed s | heap after GC MB | open fds | acknowledged writes | ops so far | errors |\n"
                + "|---|---|---|---|---|---|\n");
        for (Map<String, Object> s : (List<Map<String, Object>>) r.get("samples")) {
            sb.append("| ").append(s.get("elapsed_s")).append(" | ").append(s.get("heap_used_mb")).append(" | ")
                    .append(s.get("open_fds")).append(" | ").append(s.get("acknowledged_writes")).append(" | ")
                    .append(s.get("ops")).append(" | ").append(s.get("errors"))
                    .append(" |\n");
        }
        sb.append("\nCommand: `").append(r.get("command")).append("`\n");
        return sb.toString();
    }
}
