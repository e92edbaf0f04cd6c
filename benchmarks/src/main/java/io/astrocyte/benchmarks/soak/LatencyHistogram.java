package io.astrocyte.benchmarks.soak;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in logarithmic buckets (5 % wide, 10 µs to about 10 minutes), so a long soak records any
 * number of operations in constant memory; percentiles are read to within a bucket.
 */
final class LatencyHistogram {

    private static final double MIN_MS = 0.01;
    private static final double RATIO = 1.05;
    private static final int BUCKETS = 370;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(double ms) {
        int bucket = ms <= MIN_MS ? 0 : (int) (Math.log(ms / MIN_MS) / Math.log(RATIO)) + 1;
        counts.incrementAndGet(Math.min(BUCKETS - 1, bucket));
    }

    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The upper edge of the bucket holding the {@code p}-th percentile, in milliseconds; 0 when empty. */
    double percentile(double p) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return MIN_MS * Math.pow(RATIO, i);
            }
        }
        return MIN_MS * Math.pow(RATIO, BUCKETS - 1);
    }

    void clear() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }
}
