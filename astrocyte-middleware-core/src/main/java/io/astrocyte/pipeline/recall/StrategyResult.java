package io.astrocyte.pipeline.recall;

import io.astrocyte.spi.VectorHit;
import java.util.List;

/**
 * What one recall strategy produced: its candidates best first, and how long it took.
 *
 * @param weight the strategy's RRF weight
 */
public record StrategyResult(String name, List<VectorHit> hits, double weight, double millis) {

    public StrategyResult {
        hits = List.copyOf(hits);
    }
}
