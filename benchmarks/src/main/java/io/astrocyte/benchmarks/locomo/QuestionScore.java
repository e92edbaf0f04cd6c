package io.astrocyte.benchmarks.locomo;

import io.astrocyte.pipeline.TokenCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval metrics of one question (BENCHMARKS.md §1): R@k, All@10, Hit@10, MRR, nDCG@10 and
 * R@B tokens, from a ranking deduplicated by dialog id.
 */
public final class QuestionScore {

    public static final int[] RECALL_AT = {1, 5, 10, 20, 50};
    public static final int[] TOKEN_BUDGETS = {512, 1024, 2048, 4096};

    private QuestionScore() {
    }

    /** Metric name → value for one question. */
    public static Map<String, Double> score(Set<String> evidence, List<RetrievalSystem.Ranked> ranking) {
        List<RetrievalSystem.Ranked> unique = dedupe(ranking);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k : RECALL_AT) {
            m.put("r@" + k, recallAt(evidence, unique, k));
        }
        Set<String> top10 = ids(unique, 10);
        m.put("all@10", top10.containsAll(evidence) ? 1.0 : 0.0);
        m.put("hit@10", evidence.stream().anyMatch(top10::contains) ? 1.0 : 0.0);
        double mrr = 0;
        for (int i = 0; i < unique.size(); i++) {
            if (evidence.contains(unique.get(i).diaId())) {
                mrr = 1.0 / (i + 1);
                break;
            }
        }
        m.put("mrr", mrr);
        double dcg = 0;
        for (int i = 0; i < Math.min(10, unique.size()); i++) {
            if (evidence.contains(unique.get(i).diaId())) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, evidence.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        m.put("ndcg@10", ideal == 0 ? 0 : dcg / ideal);
        for (int b : TOKEN_BUDGETS) {
            m.put("r@" + b + "tok", recallWithinTokens(evidence, unique, b));
        }
        return m;
    }

    static List<RetrievalSystem.Ranked> dedupe(List<RetrievalSystem.Ranked> ranking) {
        Set<String> seen = new LinkedHashSet<>();
        List<RetrievalSystem.Ranked> out = new ArrayList<>();
        for (RetrievalSystem.Ranked r : ranking) {
            if (r.diaId() != null && seen.add(r.diaId())) {
                out.add(r);
            }
        }
        return out;
    }

    private static double recallAt(Set<String> evidence, List<RetrievalSystem.Ranked> unique, int k) {
        Set<String> top = ids(unique, k);
        return (double) evidence.stream().filter(top::contains).count() / evidence.size();
    }

    /** Walks down the ranking while the running token total stays within the budget. */
    private static double recallWithinTokens(Set<String> evidence, List<RetrievalSystem.Ranked> unique, int budget) {
        int used = 0;
        Set<String> kept = new LinkedHashSet<>();
        for (RetrievalSystem.Ranked r : unique) {
            int t = TokenCounter.count(r.text());
            if (used + t > budget) {
                break;
            }
            used += t;
            kept.add(r.diaId());
        }
        return (double) evidence.stream().filter(kept::contains).count() / evidence.size();
    }

    private static Set<String> ids(List<RetrievalSystem.Ranked> unique, int k) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(k, unique.size()); i++) {
            out.add(unique.get(i).diaId());
        }
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
