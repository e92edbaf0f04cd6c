package io.astrocyte.spi;

import java.time.Duration;

/**
 * Where rate-limit buckets live (SPEC §3.1 [J]). The default keeps them in the process
 * ({@code io.astrocyte.policy.homeostasis.LocalRateLimitStore}); a shared back end (Redis, a database
 * through Bucket4j's distributed modules) lets several instances enforce one limit.
 */
public interface RateLimitStore extends AutoCloseable {

    /**
     * Takes one token, atomically, from bucket {@code key}, which holds {@code capacity} tokens and refills
     * {@code capacity} every {@code period}, continuously.
     */
    Probe tryConsume(String key, long capacity, Duration period);

    /** Gives back a token taken by {@link #tryConsume} when a later limit refused the same call. */
    void refund(String key, long capacity, Duration period);

    /** Whether the token was taken and, if not, how long until one is available. */
    record Probe(boolean consumed, Duration retryAfter) {
    }

    @Override
    default void close() {
    }
}
