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

    public static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
