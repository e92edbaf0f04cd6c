package io.astrocyte.policy.homeostasis;

import io.astrocyte.spi.RateLimitStore;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bucket4j buckets in this process, at most {@code maxBuckets} (least recently used go first; an evicted
 * bucket comes back full, which can only let a call through that a complete history would also have
 * allowed after a quiet spell).
 */
public final class LocalRateLimitStore implements RateLimitStore {

    /** SPEC §3.1: at most 10k buckets. */
    public static final int DEFAULT_MAX_BUCKETS = 10_000;

    private final Map<String, Bucket> buckets;
    private final TimeMeter time;

    public LocalRateLimitStore() {
        this(Clock.systemUTC(), DEFAULT_MAX_BUCKETS);
    }

    /** @param clock the time the buckets refill by; tests pass a controllable one */
    public LocalRateLimitStore(Clock clock, int maxBuckets) {
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxBuckets;
            }
        };
    }

    @Override
    public Probe tryConsume(String key, long capacity, Duration period) {
        ConsumptionProbe p = bucket(key, capacity, period).tryConsumeAndReturnRemaining(1);
        return new Probe(p.isConsumed(), Duration.ofNanos(p.getNanosToWaitForRefill()));
    }

    @Override
    public void refund(String key, long capacity, Duration period) {
        bucket(key, capacity, period).addTokens(1);
    }

    private Bucket bucket(String key, long capacity, Duration period) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key + "|" + capacity + "/" + period.toMillis(), k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                    .withCustomTimePrecision(time).build());
        }
    }
}
