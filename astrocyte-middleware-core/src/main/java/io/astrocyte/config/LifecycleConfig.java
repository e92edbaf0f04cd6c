package io.astrocyte.config;

import io.astrocyte.ConfigException;

/**
 * {@code lifecycle} (SPEC §6.4): retention by TTL, run on demand with {@code runLifecycle(bank)} and, when an
 * interval is set, by a scheduler. A bank may carry its own block under {@code banks.<id>.lifecycle}; the
 * compliance profiles {@code gdpr}, {@code hipaa} and {@code pdpa} switch it on with their retention periods.
 *
 * @param enabled                 apply TTL at all (default off: every memory is kept with reason
 *                                {@code lifecycle_disabled})
 * @param ttl                     the retention periods and exemptions
 * @param runIntervalMinutes      [Java] run lifecycle on every known bank this often (default 0: no scheduler)
 * @param recallStats             [Java] keep per-memory recall statistics (last recalled, recall count) in the store,
 *                                written in batches off the recall path (default on); archiving counts idle
 *                                time from them
 * @param recallStatsFlushSeconds [Java] how often pending recall statistics are written (default 5)
 */
public record LifecycleConfig(Boolean enabled, TtlConfig ttl, Integer runIntervalMinutes, Boolean recallStats,
        Integer recallStatsFlushSeconds) {

    public static final LifecycleConfig DEFAULT = new LifecycleConfig(null, null, null, null, null);

    public LifecycleConfig {
        enabled = enabled != null && enabled;
        ttl = ttl == null ? TtlConfig.DEFAULT : ttl;
        runIntervalMinutes = runIntervalMinutes == null ? 0 : runIntervalMinutes;
        if (runIntervalMinutes < 0) {
            throw new ConfigException("lifecycle.run_interval_minutes: must not be negative, got " + runIntervalMinutes);
        }
        recallStats = recallStats == null || recallStats;
        recallStatsFlushSeconds = recallStatsFlushSeconds == null ? 5 : recallStatsFlushSeconds;
        if (recallStatsFlushSeconds < 1) {
            throw new ConfigException("lifecycle.recall_stats_flush_seconds: must be at least 1, got "
                    + recallStatsFlushSeconds);
        }
    }
}
