package io.astrocyte.pipeline.recall;

import io.astrocyte.config.RerankConfig;
import java.util.Set;

/**
 * Adjusts a fused score with cheap lexical evidence (SPEC §5.2 step 4): a boost per query term found in
 * the memory (at most five count), a boost per query proper noun found (at most two), and a penalty
 * when the query names someone or something and the memory mentions none of those names.
 */
public final class HeuristicReranker {

    private static final int MAX_TERMS = 5;
    private static final int MAX_PROPER_NOUNS = 2;

    private final RerankConfig config;

    /** The settings this reranker applies. */
    public RerankConfig config() {
        return config;
    }

    public HeuristicReranker(RerankConfig config) {
        this.config = config;
    }

    /**
     * Maps a ranking key (fused score in {@code [0,1]} plus {@link #adjustment}) onto {@code [0,1]}
     * linearly, so reported scores keep the ranking order and do not saturate at 1.
     */
    public double toUnitScore(double key) {
        if (!config.enabled()) {
            return Math.max(0, Math.min(1, key));
        }
        double low = -config.nameMissPenalty();
        double high = 1 + MAX_TERMS * config.keywordBoost() + MAX_PROPER_NOUNS * config.properNounBoost();
        return Math.max(0, Math.min(1, (key - low) / (high - low)));
    }

    /** How many fused candidates, from the top, get an adjustment. */
    public int depth() {
        return config.enabled() ? config.depth() : 0;
    }

    /** The adjustment to add to a fused score for a memory with text {@code text}. */
    public double adjustment(QueryTerms query, String text) {
        if (!config.enabled()) {
            return 0;
        }
        Set<String> words = QueryTerms.wordsOf(text);
        int terms = 0;
        for (String t : query.terms()) {
            if (words.contains(t)) {
                terms++;
            }
        }
        int names = 0;
        for (String p : query.properNouns()) {
            if (words.contains(p)) {
                names++;
            }
        }
        double delta = Math.min(terms, MAX_TERMS) * config.keywordBoost()
                + Math.min(names, MAX_PROPER_NOUNS) * config.properNounBoost();
        if (!query.properNouns().isEmpty() && names == 0) {
            delta -= config.nameMissPenalty();
        }
        return delta;
    }
}
