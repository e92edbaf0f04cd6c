package io.astrocyte.config;

import io.astrocyte.ConfigException;

/**
 * {@code analytics} (SPEC §6.7): the per-bank counters behind bank health and its daily quality points.
 *
 * @param enabled             count retains, recalls and reflects per bank (default on)
 * @param qualityHistoryDays  how many days of daily quality data points each bank keeps (default 30)
 */
public record AnalyticsConfig(Boolean enabled, Integer qualityHistoryDays) {

    public static final AnalyticsConfig DEFAULT = new AnalyticsConfig(null, null);

    public AnalyticsConfig {
        enabled = enabled == null || enabled;
        qualityHistoryDays = qualityHistoryDays == null ? 30 : qualityHistoryDays;
        if (qualityHistoryDays < 1 || qualityHistoryDays > 3660) {
            throw new ConfigException("analytics.quality_history_days: must be between 1 and 3660, got "
                    + qualityHistoryDays);
        }
    }
}
