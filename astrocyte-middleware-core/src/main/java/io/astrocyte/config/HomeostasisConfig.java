package io.astrocyte.config;

/**
 * {@code homeostasis} (SPEC §3.1). A {@code null} budget means "no limit".
 *
 * @param recallMaxTokens        default token budget for recall hits
 * @param reflectMaxTokens       default cap on a synthesized reflect answer
 * @param retainMaxContentBytes  largest retain content in UTF-8 bytes
 * @param rateLimits             token-bucket limits per bank and verb, and for the whole instance
 * @param quotas                 successful retains and reflects per bank per UTC day
 */
public record HomeostasisConfig(Integer recallMaxTokens, Integer reflectMaxTokens, Integer retainMaxContentBytes,
        RateLimitsConfig rateLimits, QuotasConfig quotas) {

    public static final HomeostasisConfig DEFAULT = new HomeostasisConfig(null, null, null, null, null);

    public HomeostasisConfig {
        ConfigChecks.positiveOrNull("homeostasis.recall_max_tokens", recallMaxTokens);
        ConfigChecks.positiveOrNull("homeostasis.reflect_max_tokens", reflectMaxTokens);
        ConfigChecks.positiveOrNull("homeostasis.retain_max_content_bytes", retainMaxContentBytes);
        rateLimits = rateLimits == null ? RateLimitsConfig.NONE : rateLimits;
        quotas = quotas == null ? QuotasConfig.NONE : quotas;
    }
}
