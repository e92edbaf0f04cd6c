package io.astrocyte.pipeline.recall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pseudo-relevance feedback for a second keyword round: the words that the first round's best hits share and the
 * rest of its candidates mostly lack (names first), added to the query. A multi-hop question names one side of what
 * it asks; the best hits for that side name the other.
 */
final class QueryExpansion {

    /** How many of the first round's best hits seed the expansion. */
    static final int SEEDS = 3;
    /** How deep the first round's candidates count as the background the seeds' words are compared with. */
    static final int POOL = 50;

    private QueryExpansion() {
    }

    /** The query with up to {@code terms} words added, or {@code null} when the first round gives none. */
    static String expand(String query, List<RrfFusion.Fused> firstRound, int terms) {
        if (firstRound.isEmpty()) {
            return null;
        }
        QueryTerms asked = QueryTerms.of(query);
        List<Set<String>> pool = new ArrayList<>();
        for (RrfFusion.Fused f : firstRound.subList(0, Math.min(POOL, firstRound.size()))) {
            pool.add(QueryTerms.wordsOf(f.hit().text()));
        }
        Map<String, Double> score = new HashMap<>();
        for (int i = 0; i < Math.min(SEEDS, firstRound.size()); i++) {
            QueryTerms seed = QueryTerms.of(firstRound.get(i).hit().text());
            double rankWeight = 1.0 / (i + 1);
            for (String t : seed.terms()) {
                if (asked.terms().contains(t) || asked.properNouns().contains(t)) {
                    continue;
                }
                int df = 0;
                for (Set<String> w : pool) {
                    if (w.contains(t)) {
                        df++;
                    }
                }
                double idf = Math.log(1 + (pool.size() - df + 0.5) / (df + 0.5));
                double name = seed.properNouns().contains(t) ? 2 : 1;
                score.merge(t, rankWeight * idf * name, Double::sum);
            }
        }
        List<String> best = score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(terms).map(Map.Entry::getKey).toList();
        return best.isEmpty() ? null : query + " " + String.join(" ", best);
    }
}
