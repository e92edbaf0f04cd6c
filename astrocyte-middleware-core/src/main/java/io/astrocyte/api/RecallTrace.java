package io.astrocyte.api;

import java.util.List;
import java.util.Map;

/**
 * How a recall was answered (SPEC §1.3): which strategies ran, how many candidates each produced, how
 * long each took, and how the fused list was cut.
 *
 * @param totalCandidates distinct memories after fusion, before trimming
 * @param tierUsed        retrieval tier, when tiered retrieval is on; else {@code null}
 */
public record RecallTrace(
        List<String> strategiesUsed,
        int totalCandidates,
        String fusionMethod,
        double latencyMs,
        Map<String, Double> strategyTimingsMs,
        Map<String, Integer> strategyCandidateCounts,
        Integer tierUsed,
        Map<String, Integer> layerDistribution,
        boolean cacheHit,
        boolean wikiTierUsed) {

    public RecallTrace {
        strategiesUsed = List.copyOf(strategiesUsed);
        strategyTimingsMs = Map.copyOf(strategyTimingsMs);
        strategyCandidateCounts = Map.copyOf(strategyCandidateCounts);
        layerDistribution = layerDistribution == null ? Map.of() : Map.copyOf(layerDistribution);
    }
}
