package io.astrocyte.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code escalation} (SPEC §3.4): a circuit breaker around the store and what calls get while it is open
 * or the store fails.
 *
 * @param degradedMode {@code empty_recall} (default: recall answers with no hits, reflect with "Memory
 *                     unavailable", retain with {@code stored=false}), {@code error} (throw
 *                     {@link io.astrocyte.ProviderUnavailableException}) or {@code cache} (the last good recall
 *                     or reflect result for the same request, within its TTL; otherwise as {@code empty_recall})
 */
public record EscalationConfig(CircuitBreaker circuitBreaker, DegradedMode degradedMode, Cache cache) {

    public enum DegradedMode {
        @JsonProperty("empty_recall") EMPTY_RECALL,
        @JsonProperty("error") ERROR,
        @JsonProperty("cache") CACHE
    }

    /**
     * {@code escalation.circuit_breaker}: opens after {@code failure_threshold} consecutive store failures,
     * lets {@code half_open_max_calls} trial calls through after {@code recovery_timeout_seconds}, closes when
     * they succeed and opens again when one fails.
     *
     * @param failureThreshold       consecutive store failures that open the breaker (default 5)
     * @param recoveryTimeoutSeconds seconds the breaker stays open before trial calls (default 30)
     * @param halfOpenMaxCalls       trial calls let through while half-open (default 2)
     */
    public record CircuitBreaker(Integer failureThreshold, Integer recoveryTimeoutSeconds, Integer halfOpenMaxCalls) {

        public CircuitBreaker {
            failureThreshold = failureThreshold == null ? 5 : failureThreshold;
            recoveryTimeoutSeconds = recoveryTimeoutSeconds == null ? 30 : recoveryTimeoutSeconds;
            halfOpenMaxCalls = halfOpenMaxCalls == null ? 2 : halfOpenMaxCalls;
            ConfigChecks.positive("escalation.circuit_breaker.failure_threshold", failureThreshold);
            ConfigChecks.positive("escalation.circuit_breaker.recovery_timeout_seconds", recoveryTimeoutSeconds);
            ConfigChecks.positive("escalation.circuit_breaker.half_open_max_calls", halfOpenMaxCalls);
        }
    }

    /**
     * {@code escalation.cache} for {@code degraded_mode: cache}: results kept and for how long.
     *
     * @param maxEntries recall and reflect results kept, each (default 1000)
     * @param ttlSeconds how long a kept result may answer for a failed store, in seconds (default 300)
     */
    public record Cache(Integer maxEntries, Integer ttlSeconds) {

        public Cache {
            maxEntries = maxEntries == null ? 1000 : maxEntries;
            ttlSeconds = ttlSeconds == null ? 300 : ttlSeconds;
            ConfigChecks.positive("escalation.cache.max_entries", maxEntries);
            ConfigChecks.positive("escalation.cache.ttl_seconds", ttlSeconds);
        }
    }

    public static final EscalationConfig DEFAULT = new EscalationConfig(null, null, null);

    public EscalationConfig {
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null) : circuitBreaker;
        degradedMode = degradedMode == null ? DegradedMode.EMPTY_RECALL : degradedMode;
        cache = cache == null ? new Cache(null, null) : cache;
    }
}
