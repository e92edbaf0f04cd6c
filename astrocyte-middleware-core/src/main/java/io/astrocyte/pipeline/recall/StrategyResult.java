package io.astrocyte.pipeline.recall;

import io.astrocyte.spi.VectorHit;
import java.util.List;

/**
 * What one recall strategy produced: its candidates best first, and how long it took.
 *
 * @param weight the strategy's fusion weight
 * @param scale  what its hits' scores mean, so that fusion can compare them across queries ({@link Scale#RANK}
 *               when only their order does)
 */
public record StrategyResult(String name, List<VectorHit> hits, double weight, double millis, Scale scale) {

    /** How far a strategy's scores can be read beyond its order of hits. */
    public enum Scale {
        /** Only the order counts (recency, replies, caller-supplied context, the word-match ranking). */
        RANK,
        /**
         * {@code (1 + cosine) / 2}, as every {@code VectorStore} scores dense hits: normalized to the cosine's share
         * of the best hit's cosine, a cosine of 0 (unrelated) counting nothing.
         */
        COSINE,
        /** Already a share of the best hit's score, as {@code KeywordIndex} scores BM25 hits. */
        RELATIVE
    }

    public StrategyResult {
        hits = List.copyOf(hits);
        if (scale == null) {
            scale = Scale.RANK;
        }
    }

    /** A strategy whose scores say nothing beyond its order. */
    public StrategyResult(String name, List<VectorHit> hits, double weight, double millis) {
        this(name, hits, weight, millis, Scale.RANK);
    }
}
