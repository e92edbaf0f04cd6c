package io.astrocyte.pipeline.recall;

import io.astrocyte.config.RerankConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The adjustments for a pool of candidates ranked together: each query term weighs by its rarity among them
     * (when {@code candidate_idf}), and each memory's boosts shrink with its length against the pool's mean (when
     * {@code length_norm} &gt; 0), so neither a common word nor a long memory that mentions everything rises on
     * words alone. With neither setting on, the same as {@link #adjustment} per text.
     */
    public double[] adjustments(QueryTerms query, List<String> texts) {
        double[] out = new double[texts.size()];
        if (!config.enabled() || texts.isEmpty()) {
            return out;
        }
        List<Set<String>> words = new ArrayList<>(texts.size());
        double[] lengths = new double[texts.size()];
        double total = 0;
        for (int i = 0; i < texts.size(); i++) {
            words.add(QueryTerms.wordsOf(texts.get(i)));
            lengths[i] = QueryTerms.wordCount(texts.get(i));
            total += lengths[i];
        }
        double meanLength = Math.max(1, total / texts.size());
        Map<String, Double> weight = termWeights(query, words);
        double b = config.lengthNorm();
        for (int i = 0; i < texts.size(); i++) {
            Set<String> w = words.get(i);
            double terms = 0;
            for (String t : query.terms()) {
                if (w.contains(t)) {
                    terms += weight.getOrDefault(t, 1.0);
                }
            }
            int names = 0;
            for (String p : query.properNouns()) {
                if (w.contains(p)) {
                    names++;
                }
            }
            // only longer-than-usual memories are discounted: a short one is not made more relevant by being short
            double norm = b == 0 ? 1 : Math.min(1, 1 / (1 - b + b * Math.max(1, lengths[i]) / meanLength));
            double delta = norm * (Math.min(terms, MAX_TERMS) * config.keywordBoost()
                    + Math.min(names, MAX_PROPER_NOUNS) * config.properNounBoost());
            if (!query.properNouns().isEmpty() && names == 0) {
                delta -= config.nameMissPenalty();
            }
            out[i] = delta;
        }
        return out;
    }

    /**
     * Per query term found among the candidates, its BM25 idf among them over the mean of those terms' idf (so the
     * weights average 1 and the boosts keep their scale).
     */
    private Map<String, Double> termWeights(QueryTerms query, List<Set<String>> words) {
        Map<String, Double> idf = new HashMap<>();
        if (!config.candidateIdf() || query.terms().isEmpty()) {
            return idf;
        }
        int n = words.size();
        double sum = 0;
        for (String t : query.terms()) {
            int df = 0;
            for (Set<String> w : words) {
                if (w.contains(t)) {
                    df++;
                }
            }
            if (df == 0) {
                continue; // boosts no candidate, so it must not weigh on the others' scale either
            }
            double v = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            idf.put(t, v);
            sum += v;
        }
        double mean = idf.isEmpty() ? 0 : sum / idf.size();
        if (mean > 0) {
            idf.replaceAll((t, v) -> v / mean);
        }
        return idf;
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
