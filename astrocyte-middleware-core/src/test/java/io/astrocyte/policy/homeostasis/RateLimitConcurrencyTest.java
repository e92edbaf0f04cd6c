package io.astrocyte.policy.homeostasis;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.MutableTestClock;
import io.astrocyte.RateLimitedException;
import io.astrocyte.config.RateLimitsConfig;
import io.astrocyte.identity.AstrocyteContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Check-and-consume is atomic: N threads racing for a bucket of capacity C get exactly C tokens. */
class RateLimitConcurrencyTest {

    @Test
    void exactlyCapacityCallsPassUnderContention() throws Exception {
        int capacity = 50;
        int threads = 16;
        int attemptsPerThread = 20;
        // A clock that never moves, so no token is refilled during the race.
        MutableTestClock clock = new MutableTestClock(Instant.parse("2026-05-01T09:00:00Z"));
        RateLimits limits = new RateLimits(new RateLimitsConfig(capacity, null, null, null), Map.of(),
                new LocalRateLimitStore(clock, LocalRateLimitStore.DEFAULT_MAX_BUCKETS));
        AstrocyteContext ctx = AstrocyteContext.of("user:racer");
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < attemptsPerThread; i++) {
                    try {
                        limits.acquire(io.astrocyte.policy.Verb.RETAIN, List.of("hot-bank"), ctx);
                        passed.incrementAndGet();
                    } catch (RateLimitedException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(passed.get()).isEqualTo(capacity);
        assertThat(refused.get()).isEqualTo(threads * attemptsPerThread - capacity);
    }
}
