package io.astrocyte.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles from the bucketed histogram stay within a bucket (5 %) of the exact ones. */
class LatencyHistogramTest {

    @Test
    void percentilesAreWithinABucketOfTheExactValues() {
        LatencyHistogram h = new LatencyHistogram();
        double[] samples = new double[20_000];
        Random random = new Random(1);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.exp(random.nextGaussian() + 2); // log-normal around 7 ms
            h.record(samples[i]);
        }
        java.util.Arrays.sort(samples);
        assertThat(h.count()).isEqualTo(samples.length);
        for (double p : new double[] {50, 90, 99}) {
            double exact = samples[(int) Math.ceil(p / 100 * samples.length) - 1];
            assertThat(h.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.06));
        }
        h.clear();
        assertThat(h.count()).isZero();
        assertThat(h.percentile(50)).isZero();
    }
}
