package io.astrocyte.pipeline.recall;

import io.astrocyte.spi.VectorHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion (SPEC §5.2 step 3): a memory's fused score is
 * {@code Σ weight_s / (k + rank_s)} over the strategies that found it (ranks 1-based). Duplicates are
 * merged by id, keeping the hit with the best original score. Scores are then divided by the best
 * score any memory could reach ({@code Σ weight_s / (k + 1)}), so they land in {@code [0, 1]}.
 */
public final class RrfFusion {

    private final int k;

    public RrfFusion(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive");
        }
        this.k = k;
    }

    /** A memory after fusion: the representative hit and its normalized fused score. */
    public record Fused(VectorHit hit, double score) {
    }

    public List<Fused> fuse(List<StrategyResult> results) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, VectorHit> best = new LinkedHashMap<>();
        double maxPossible = 0;
        for (StrategyResult r : results) {
            if (r.weight() <= 0 || r.hits().isEmpty()) {
                continue;
            }
            maxPossible += r.weight() / (k + 1.0);
            int rank = 0;
            for (VectorHit hit : r.hits()) {
                rank++;
                scores.computeIfAbsent(hit.id(), id -> new double[1])[0] += r.weight() / (k + (double) rank);
                VectorHit seen = best.get(hit.id());
                if (seen == null || hit.score() > seen.score()) {
                    best.put(hit.id(), hit);
                }
            }
        }
        List<Fused> fused = new ArrayList<>(scores.size());
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            fused.add(new Fused(best.get(e.getKey()), maxPossible == 0 ? 0 : e.getValue()[0] / maxPossible));
        }
        fused.sort(Comparator.comparingDouble(Fused::score).reversed());
        return fused;
    }
}
