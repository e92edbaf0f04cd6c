package io.astrocyte.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Percentiles and means over measured samples. */
public final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile, {@code p} in [0, 100]; 0 for no samples. */
    public static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return 0;
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** p50, p95 and p99 of latencies in milliseconds, to the microsecond: the shape every speed report uses. */
    public static java.util.Map<String, Double> percentiles(List<Double> ms) {
        java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
        for (int q : new int[] {50, 95, 99}) {
            p.put("p" + q, round(percentile(ms, q), 3));
        }
        return p;
    }

    public static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
