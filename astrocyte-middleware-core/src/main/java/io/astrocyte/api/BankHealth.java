package io.astrocyte.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How well a bank serves its callers (SPEC §6.7), from counters kept since the bank was first used:
 * {@code score} in [0, 1] (0.5 before any operation), {@code healthy} at 0.7 and above, {@code warning} at 0.4.
 *
 * @param metrics the counters and rates the score comes from ({@code recall_hit_rate}, {@code dedup_rate}, …)
 * @param quality one point per UTC day with activity, oldest first, for {@code analytics.quality_history_days}
 */
public record BankHealth(String bankId, double score, Status status, List<Issue> issues, Map<String, Double> metrics,
        Instant assessedAt, List<QualityDataPoint> quality) {

    public enum Status { HEALTHY, WARNING, UNHEALTHY }

    /** Something to look at, with what to do about it. */
    public record Issue(Severity severity, String code, String message, String recommendation) {
    }

    public enum Severity { WARNING, CRITICAL }

    public BankHealth {
        issues = List.copyOf(issues);
        metrics = Map.copyOf(metrics);
        quality = quality == null ? List.of() : List.copyOf(quality);
    }
}
