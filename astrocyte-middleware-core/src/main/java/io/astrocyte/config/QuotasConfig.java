package io.astrocyte.config;

/**
 * {@code homeostasis.quotas} (SPEC §3.1): successful calls per bank per UTC day. {@code null} means none.
 *
 * @param retainPerDay  successful retains a bank takes per UTC day; more are refused until midnight UTC
 * @param reflectPerDay successful reflects on a bank per UTC day
 */
public record QuotasConfig(Integer retainPerDay, Integer reflectPerDay) {

    public static final QuotasConfig NONE = new QuotasConfig(null, null);

    public QuotasConfig {
        ConfigChecks.positiveOrNull("homeostasis.quotas.retain_per_day", retainPerDay);
        ConfigChecks.positiveOrNull("homeostasis.quotas.reflect_per_day", reflectPerDay);
    }

    public boolean any() {
        return retainPerDay != null || reflectPerDay != null;
    }
}
