package io.astrocyte.benchmarks.replicas;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.LegalHold;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.benchmarks.Reports;
import io.astrocyte.benchmarks.Stats;
import io.astrocyte.benchmarks.speed.SyntheticText;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.jdbc.JdbcGovernanceStore;
import io.astrocyte.policy.homeostasis.LocalRateLimitStore;
import io.astrocyte.redis.RedisRateLimitStore;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.RateLimitStore;
import io.astrocyte.store.file.FileGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What sharing governance across replicas costs per call (issue 20): the same instance (in-memory vectors,
 * feature-hashing embedder, so governance is what differs) on the embedded governance (a data-folder file store and
 * in-process rate limits) and on PostgreSQL plus Redis, with a daily quota and a per-minute limit on the bank so
 * both paths are exercised. Reports p50 / p99 per verb and how many governance and rate-limit round trips each
 * call made, counted by wrappers around the stores.
 */
public final class SharedGovernanceBenchmark {

    /** Settings of one run. */
    public record Options(Path out, String postgresUrl, String redisUrl, int calls, String command) {
    }

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    private final Options options;
    private final PrintStream log;

    public SharedGovernanceBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "shared-governance");
        report.put("command", options.command());
        report.put("calls_per_verb", options.calls());
        List<Map<String, Object>> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("astrocyte-gov-bench");
        String schema = "bench_" + Long.toHexString(System.nanoTime());
        try {
            try (CountingGovernance gov = new CountingGovernance(new FileGovernanceStore(dir));
                    CountingRateLimits limits = new CountingRateLimits(new LocalRateLimitStore())) {
                rows.addAll(measure("embedded (file governance, in-process rate limits)", gov, limits));
            }
            try (CountingGovernance gov = new CountingGovernance(JdbcGovernanceStore.open(options.postgresUrl(),
                    "postgres", null, schema, "astrocyte_", 4));
                    CountingRateLimits limits = new CountingRateLimits(RedisRateLimitStore.connect(options.redisUrl(),
                            "astrocyte-bench:" + schema + ":", RedisRateLimitStore.FailMode.FAIL_CLOSED,
                            Duration.ofSeconds(2)))) {
                rows.addAll(measure("shared (PostgreSQL governance, Redis rate limits)", gov, limits));
            }
        } finally {
            Reports.deleteRecursively(dir);
            try (Connection c = DriverManager.getConnection(options.postgresUrl(), "postgres", null);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        report.put("rows", rows);
        report.put("environment", Reports.environment());
        Reports.writeJson(options.out().resolve("shared-governance.json"), report);
        StringBuilder md = new StringBuilder("# Governance shared by replicas: cost per call\n\n`" + options.command()
                + "`\n\n| setup | verb | p50 ms | p99 ms | governance round trips per call | rate-limit round trips per"
                + " call |\n|---|---|---:|---:|---:|---:|\n");
        for (Map<String, Object> r : rows) {
            md.append(String.format("| %s | %s | %s | %s | %s | %s |%n", r.get("setup"), r.get("verb"), r.get("p50_ms"),
                    r.get("p99_ms"), r.get("governance_calls_per_call"), r.get("rate_limit_calls_per_call")));
        }
        Files.writeString(options.out().resolve("shared-governance.md"), md.toString());
    }

    private List<Map<String, Object>> measure(String setup, CountingGovernance gov, CountingRateLimits limits) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(384)).governanceStore(gov).rateLimitStore(limits)
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                        "signal_quality", Map.of("dedup", Map.of("enabled", false)),
                        "banks", Map.of("team-notes", Map.of("homeostasis", Map.of(
                                "quotas", Map.of("retain_per_day", 1_000_000),
                                "rate_limits", Map.of("retain_per_minute", 1_000_000,
                                        "recall_per_minute", 1_000_000))))))).build()) {
            SyntheticText text = new SyntheticText(11);
            List<String> notes = text.sentences(options.calls() + 200);
            List<String> questions = text.questions(options.calls() + 200);
            // warm-up (also claims the bank), not measured
            for (int i = 0; i < 200; i++) {
                brain.retain(RetainRequest.of("team-notes", notes.get(i)), ALICE);
                brain.recall(RecallRequest.of("team-notes", questions.get(i)), ALICE);
            }
            for (String verb : List.of("retain", "recall")) {
                gov.calls.set(0);
                limits.calls.set(0);
                List<Double> ms = new ArrayList<>();
                for (int i = 200; i < options.calls() + 200; i++) {
                    long start = System.nanoTime();
                    if (verb.equals("retain")) {
                        brain.retain(RetainRequest.of("team-notes", notes.get(i)), ALICE);
                    } else {
                        brain.recall(RecallRequest.of("team-notes", questions.get(i)), ALICE);
                    }
                    ms.add((System.nanoTime() - start) / 1e6);
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("setup", setup);
                row.put("verb", verb);
                row.put("p50_ms", Stats.round(Stats.percentile(ms, 50), 3));
                row.put("p99_ms", Stats.round(Stats.percentile(ms, 99), 3));
                row.put("governance_calls_per_call", Stats.round((double) gov.calls.get() / options.calls(), 3));
                row.put("rate_limit_calls_per_call", Stats.round((double) limits.calls.get() / options.calls(), 3));
                rows.add(row);
                log.printf("%s %s: p50 %.3f ms, p99 %.3f ms, governance %.3f, rate limits %.3f per call%n", setup, verb,
                        Stats.percentile(ms, 50), Stats.percentile(ms, 99), (double) gov.calls.get() / options.calls(),
                        (double) limits.calls.get() / options.calls());
            }
        }
        return rows;
    }

    /** Counts every call that reaches the governance store (each is a round trip on a database). */
    private static final class CountingGovernance implements GovernanceStore {
        final GovernanceStore d;
        final AtomicLong calls = new AtomicLong();

        CountingGovernance(GovernanceStore d) {
            this.d = d;
        }

        @Override public Optional<String> owner(String b) { calls.incrementAndGet(); return d.owner(b); }
        @Override public String claimOwner(String b, String p) { calls.incrementAndGet(); return d.claimOwner(b, p); }
        @Override public List<AccessGrant> grants() { calls.incrementAndGet(); return d.grants(); }
        @Override public AccessGrant addGrant(AccessGrant g) { calls.incrementAndGet(); return d.addGrant(g); }
        @Override public Optional<AccessGrant> removeGrant(AccessGrant g) { calls.incrementAndGet(); return d.removeGrant(g); }
        @Override public Map<String, Long> quotaUsage(LocalDate day) { calls.incrementAndGet(); return d.quotaUsage(day); }
        @Override public void saveQuotaUsage(LocalDate day, Map<String, Long> u) { calls.incrementAndGet(); d.saveQuotaUsage(day, u); }
        @Override public boolean sharesQuotas() { return d.sharesQuotas(); }
        @Override public boolean tryConsumeQuota(LocalDate day, String k, long l) { calls.incrementAndGet(); return d.tryConsumeQuota(day, k, l); }
        @Override public void refundQuota(LocalDate day, String k) { calls.incrementAndGet(); d.refundQuota(day, k); }
        @Override public boolean sharesCounters() { return d.sharesCounters(); }
        @Override public Map<String, Long> bankCounters(String b) { calls.incrementAndGet(); return d.bankCounters(b); }
        @Override public void addBankCounters(Map<String, Map<String, Long>> i, LocalDate k) { calls.incrementAndGet(); d.addBankCounters(i, k); }
        @Override public void deleteBankCounters(String b) { calls.incrementAndGet(); d.deleteBankCounters(b); }
        @Override public Map<String, Map<String, Long>> bankCounters() { calls.incrementAndGet(); return d.bankCounters(); }
        @Override public void saveBankCounters(Map<String, Map<String, Long>> c) { calls.incrementAndGet(); d.saveBankCounters(c); }
        @Override public List<LegalHold> legalHolds(String b) { calls.incrementAndGet(); return d.legalHolds(b); }
        @Override public LegalHold setLegalHold(LegalHold h) { calls.incrementAndGet(); return d.setLegalHold(h); }
        @Override public Optional<LegalHold> releaseLegalHold(String b, String h) { calls.incrementAndGet(); return d.releaseLegalHold(b, h); }
        @Override public void close() { d.close(); }
    }

    /** Counts every call that reaches the rate-limit store. */
    private static final class CountingRateLimits implements RateLimitStore {
        final RateLimitStore d;
        final AtomicLong calls = new AtomicLong();

        CountingRateLimits(RateLimitStore d) {
            this.d = d;
        }

        @Override
        public Probe tryConsume(String key, long capacity, Duration period) {
            calls.incrementAndGet();
            return d.tryConsume(key, capacity, period);
        }

        @Override
        public void refund(String key, long capacity, Duration period) {
            calls.incrementAndGet();
            d.refund(key, capacity, period);
        }

        @Override
        public void close() {
            d.close();
        }
    }
}
