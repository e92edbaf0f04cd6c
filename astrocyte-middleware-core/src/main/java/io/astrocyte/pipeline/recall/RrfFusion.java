package io.astrocyte.pipeline.recall;

import io.astrocyte.spi.VectorHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal rank fusion (SPEC §5.2 step 3), optionally reading scores where a strategy has comparable
 * ones. A memory's fused score is the sum over the strategies that found it of
 * {@code weight_s × ((1 − share) / (k + rank_s) + share × n_s / (k + 1))}, where {@code n_s} is the hit's
 * normalized score in {@code [0, 1]} (see {@link StrategyResult.Scale}; a cosine counts by its distance above the
 * cosine floor; ranks 1-based). With {@code share} 0, or for strategies whose scores only order their hits, this is
 * plain weighted RRF. Read as scores, a strategy's first
 * place still counts {@code weight_s / (k + 1)}, but a hit far behind it counts for little and a close second for
 * almost as much: how strongly a strategy prefers a memory, which ranks discard. Duplicates are merged by id,
 * keeping the hit with the best original score. Scores are then divided by the best score any memory could reach
 * ({@code Σ weight_s / (k + 1)}), so they land in {@code [0, 1]}.
 */
public final class RrfFusion {

    private final int k;
    private final double scoreShare;
    private final double cosineFloor;

    /** Plain weighted RRF. */
    public RrfFusion(int k) {
        this(k, 0, 0);
    }

    /**
     * @param scoreShare  how much of a scored strategy's contribution follows its normalized score rather than its
     *                    rank, in {@code [0, 1]}
     * @param cosineFloor the cosine that counts as nothing in common, in {@code [-1, 1)}: dense hits are read as their
     *                    cosine's distance above it, as a share of the best hit's ({@link
     *                    io.astrocyte.spi.Embedder#unrelatedCosine()})
     */
    public RrfFusion(int k, double scoreShare, double cosineFloor) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive");
        }
        if (!(scoreShare >= 0 && scoreShare <= 1)) {
            throw new IllegalArgumentException("scoreShare must be in [0, 1], got " + scoreShare);
        }
        if (!(cosineFloor >= -1 && cosineFloor < 1)) {
            throw new IllegalArgumentException("cosineFloor must be in [-1, 1), got " + cosineFloor);
        }
        this.k = k;
        this.scoreShare = scoreShare;
        this.cosineFloor = cosineFloor;
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
            double share = r.scale() == StrategyResult.Scale.RANK ? 0 : scoreShare;
            double top = share == 0 ? 0 : top(r);
            int rank = 0;
            for (VectorHit hit : r.hits()) {
                rank++;
                double contribution = (1 - share) / (k + (double) rank);
                if (share > 0) {
                    contribution += share * normalized(r.scale(), hit.score(), top, cosineFloor) / (k + 1.0);
                }
                scores.computeIfAbsent(hit.id(), id -> new double[1])[0] += r.weight() * contribution;
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

    /** The strategy's best score, in the units {@link #normalized} compares against. */
    private static double top(StrategyResult r) {
        double top = Double.NEGATIVE_INFINITY;
        for (VectorHit h : r.hits()) {
            top = Math.max(top, h.score());
        }
        return r.scale() == StrategyResult.Scale.COSINE ? 2 * top - 1 : top;
    }

    /**
     * A score as a share of the strategy's best: a cosine by how far it lies above {@code cosineFloor}, against the
     * best cosine's distance (an unrelated memory, at or below the floor, counts nothing), a relative score against
     * the best.
     */
    static double normalized(StrategyResult.Scale scale, double score, double top, double cosineFloor) {
        double floor = scale == StrategyResult.Scale.COSINE ? cosineFloor : 0;
        if (!(top > floor)) {
            return 0;
        }
        double value = scale == StrategyResult.Scale.COSINE ? 2 * score - 1 : score;
        return Math.max(0, Math.min(1, (value - floor) / (top - floor)));
    }
}
