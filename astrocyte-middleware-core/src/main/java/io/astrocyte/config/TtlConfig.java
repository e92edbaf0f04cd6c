package io.astrocyte.config;

import io.astrocyte.ConfigException;
import java.util.List;
import java.util.Map;

/**
 * {@code lifecycle.ttl} (SPEC §6.4): when memories leave default recall and when they are purged.
 *
 * @param archiveAfterDays  archive a memory not recalled for this many days (counted from its last recall, else
 *                          from its retention); default 90
 * @param deleteAfterDays   purge a memory this many days after it was retained, recalled or not; default 365
 * @param exemptTags        memories carrying any of these tags are never archived nor purged by TTL
 * @param factTypeOverrides per fact type, the days after which its memories are purged instead of
 *                          {@code delete_after_days}; {@code null} (YAML {@code ~}) keeps that fact type forever
 */
public record TtlConfig(Integer archiveAfterDays, Integer deleteAfterDays, List<String> exemptTags,
        Map<String, Integer> factTypeOverrides) {

    public static final TtlConfig DEFAULT = new TtlConfig(null, null, null, null);

    public TtlConfig {
        archiveAfterDays = archiveAfterDays == null ? 90 : archiveAfterDays;
        deleteAfterDays = deleteAfterDays == null ? 365 : deleteAfterDays;
        if (archiveAfterDays < 1) {
            throw new ConfigException("lifecycle.ttl.archive_after_days: must be at least 1, got " + archiveAfterDays);
        }
        if (deleteAfterDays < 1) {
            throw new ConfigException("lifecycle.ttl.delete_after_days: must be at least 1, got " + deleteAfterDays);
        }
        exemptTags = exemptTags == null ? List.of() : List.copyOf(exemptTags);
        // null values mean "keep forever", so Map.copyOf (which refuses nulls) cannot hold them
        java.util.LinkedHashMap<String, Integer> overrides = new java.util.LinkedHashMap<>();
        if (factTypeOverrides != null) {
            factTypeOverrides.forEach((type, days) -> {
                if (days != null && days < 1) {
                    throw new ConfigException("lifecycle.ttl.fact_type_overrides." + type + ": must be at least 1 or"
                            + " null (keep forever), got " + days);
                }
                overrides.put(type, days);
            });
        }
        factTypeOverrides = java.util.Collections.unmodifiableMap(overrides);
    }
}
