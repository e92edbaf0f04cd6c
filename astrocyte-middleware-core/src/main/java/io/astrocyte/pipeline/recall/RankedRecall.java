package io.astrocyte.pipeline.recall;

import io.astrocyte.api.MemoryHit;
import java.util.List;
import java.util.Map;

/**
 * One bank's fused and reranked candidates, before {@code max_results} and the token budget, with what
 * the trace needs to report about how they were found.
 */
public record RankedRecall(
        List<MemoryHit> hits,
        List<String> strategiesUsed,
        Map<String, Double> strategyTimingsMs,
        Map<String, Integer> strategyCandidateCounts) {

    public static RankedRecall empty() {
        return new RankedRecall(List.of(), List.of(), Map.of(), Map.of());
    }
}
