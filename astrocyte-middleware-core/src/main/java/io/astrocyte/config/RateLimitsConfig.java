package io.astrocyte.config;

/**
 * {@code homeostasis.rate_limits} (SPEC §3.1): token buckets refilled continuously, so {@code N} per minute
 * allows a burst of {@code N} and then one call every {@code 60/N} seconds. {@code null} means no limit.
 *
 * @param retainPerMinute  per bank
 * @param recallPerMinute  per bank (a multi-bank recall counts once on every bank it reads)
 * @param reflectPerMinute per bank
 * @param globalPerMinute  all verbs on all banks together, for this instance
 */
public record RateLimitsConfig(Integer retainPerMinute, Integer recallPerMinute, Integer reflectPerMinute,
        Integer globalPerMinute) {

    public static final RateLimitsConfig NONE = new RateLimitsConfig(null, null, null, null);

    public RateLimitsConfig {
        ConfigChecks.positiveOrNull("homeostasis.rate_limits.retain_per_minute", retainPerMinute);
        ConfigChecks.positiveOrNull("homeostasis.rate_limits.recall_per_minute", recallPerMinute);
        ConfigChecks.positiveOrNull("homeostasis.rate_limits.reflect_per_minute", reflectPerMinute);
        ConfigChecks.positiveOrNull("homeostasis.rate_limits.global_per_minute", globalPerMinute);
    }
}
