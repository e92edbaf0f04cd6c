package io.astrocyte.benchmarks.locomo;

import io.astrocyte.pipeline.recall.QueryTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why questions fail (multi-hop by default, any category on request): for the worst questions of one half (lowest All@10, then lowest R@10, then the deepest
 * missing evidence), each evidence turn the recall left out of its top 10 is put in one cause bucket from what the
 * pipeline's own parts saw: whether it shares a content word with the question, where the dense and keyword arms
 * alone ranked it, whether it sits next to a turn the recall did rank in its top 10. Only counts and ranks are
 * reported, never the dataset's text (evaluation-only licence).
 */
final class MultiHopFailures {

    /** Where one question's evidence ranked: in the full recall and in each arm alone (0 = not in the top 100). */
    record Question(String sampleId, int index, int evidenceCount, double allAt10, double recallAt10,
            List<Missed> missed) {
    }

    /** An evidence turn outside the top 10, with its ranks and its cause. */
    record Missed(String diaId, int rank, int denseRank, int keywordRank, boolean sharesTerm, boolean nextToHit,
            String cause, boolean afterHit, boolean beforeHit) {
    }

    static final String NO_SHARED_WORD_DENSE_MISS = "shares no word but names with the question; dense arm misses it";
    static final String NO_SHARED_WORD_DENSE_FINDS = "shares no word but names; only the dense arm ranks it (top 50)";
    static final String ARMS_MISS = "shares a word besides names but neither arm ranks it in the top 50";
    static final String RANKED_OUT = "an arm ranks it in the top 50 but fusion and rerank push it below 10";
    static final String NEXT_TO_HIT = "(of the above) next to a turn the recall ranks in its top 10";
    static final String AFTER_HIT = "(of those) the turn right after a top-10 turn";
    static final String BEFORE_HIT = "(of those) the turn right before a top-10 turn";

    private final List<Question> questions = new ArrayList<>();

    void add(String sampleId, int index, LocomoDataset.Question q, LocomoDataset.Conversation c,
            List<RetrievalSystem.Ranked> recall, List<RetrievalSystem.Ranked> dense,
            List<RetrievalSystem.Ranked> keyword) {
        Map<String, Double> s = QuestionScore.score(q.evidence(), recall);
        List<String> order = ids(recall);
        List<String> denseOrder = ids(dense);
        List<String> keywordOrder = ids(keyword);
        Set<String> top10 = new java.util.HashSet<>(order.subList(0, Math.min(10, order.size())));
        QueryTerms query = QueryTerms.of(q.text());
        // names do not count: a turn carries its speaker's name, so nearly every turn would share one
        Set<String> terms = new java.util.HashSet<>(query.terms());
        terms.removeAll(query.properNouns());
        Map<String, LocomoDataset.Turn> turns = new LinkedHashMap<>();
        List<String> sequence = new ArrayList<>();
        for (LocomoDataset.Turn t : c.turns()) {
            turns.put(t.diaId(), t);
            sequence.add(t.diaId());
        }
        List<Missed> missed = new ArrayList<>();
        for (String e : q.evidence()) {
            int rank = order.indexOf(e) + 1;
            if (rank >= 1 && rank <= 10) {
                continue;
            }
            Set<String> words = QueryTerms.wordsOf(turns.get(e).text());
            boolean shares = terms.stream().anyMatch(words::contains);
            int at = sequence.indexOf(e);
            boolean after = at > 0 && top10.contains(sequence.get(at - 1));
            boolean before = at + 1 < sequence.size() && top10.contains(sequence.get(at + 1));
            boolean next = after || before;
            int d = denseOrder.indexOf(e) + 1;
            int k = keywordOrder.indexOf(e) + 1;
            boolean armFinds = (d >= 1 && d <= 50) || (k >= 1 && k <= 50);
            String cause = !shares ? (d >= 1 && d <= 50 ? NO_SHARED_WORD_DENSE_FINDS : NO_SHARED_WORD_DENSE_MISS)
                    : armFinds ? RANKED_OUT : ARMS_MISS;
            missed.add(new Missed(e, rank, d, k, shares, next, cause, after, before));
        }
        questions.add(new Question(sampleId, index, q.evidence().size(), s.get("all@10"), s.get("r@10"), missed));
    }

    /** The {@code n} worst questions, worst first. */
    List<Question> worst(int n) {
        Comparator<Question> order = Comparator.comparingDouble(Question::allAt10)
                .thenComparingDouble(Question::recallAt10)
                .thenComparing(Comparator.comparingInt(MultiHopFailures::deepest).reversed());
        return questions.stream().sorted(order).limit(n).toList();
    }

    /** The deepest rank of a missing evidence turn, 101 for one outside the top 100. */
    private static int deepest(Question q) {
        return q.missed().stream().mapToInt(m -> m.rank() == 0 ? 101 : m.rank()).max().orElse(0);
    }

    /** LoCoMo's name for a question category. */
    static String categoryName(int category) {
        return switch (category) {
            case 1 -> "multi-hop";
            case 2 -> "temporal";
            case 3 -> "open-domain";
            case 4 -> "single-hop";
            default -> "category " + category;
        };
    }

    /** A markdown report of the {@code n} worst multi-hop questions. */
    String report(int n, String half, String variant) {
        return report(n, half, variant, categoryName(1));
    }

    /** A markdown report of the {@code n} worst questions: cause counts, then one line per question. */
    String report(int n, String half, String variant, String category) {
        List<Question> worst = worst(n);
        Map<String, Integer> causes = new LinkedHashMap<>();
        for (String c : List.of(NO_SHARED_WORD_DENSE_MISS, NO_SHARED_WORD_DENSE_FINDS, ARMS_MISS, RANKED_OUT)) {
            causes.put(c, 0);
        }
        int missedTotal = 0;
        int nextToHit = 0;
        int afterHit = 0;
        int beforeHit = 0;
        int evidence = 0;
        for (Question q : worst) {
            evidence += q.evidenceCount();
            for (Missed m : q.missed()) {
                causes.merge(m.cause(), 1, Integer::sum);
                missedTotal++;
                nextToHit += m.nextToHit() ? 1 : 0;
                afterHit += m.afterHit() ? 1 : 0;
                beforeHit += m.beforeHit() ? 1 : 0;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("The %d worst %s questions of half %s (variant `%s`): %d evidence turns, %d"
                + " outside the top 10.%n%n| cause | turns | share |%n|---|---|---|%n", worst.size(), category, half,
                variant, evidence, missedTotal));
        int total = Math.max(1, missedTotal);
        causes.forEach((c, k) -> out.append(String.format("| %s | %d | %.0f%% |%n", c, k, 100.0 * k / total)));
        out.append(String.format("| %s | %d | %.0f%% |%n", NEXT_TO_HIT, nextToHit, 100.0 * nextToHit / total));
        out.append(String.format("| %s | %d | %.0f%% |%n", AFTER_HIT, afterHit, 100.0 * afterHit / total));
        out.append(String.format("| %s | %d | %.0f%% |%n%n", BEFORE_HIT, beforeHit, 100.0 * beforeHit / total));
        out.append("| question | evidence | R@10 | missed turn: recall rank / dense rank / keyword rank (0 = not in"
                + " top 100), shares a word |\n|---|---|---|---|\n");
        for (Question q : worst) {
            StringBuilder m = new StringBuilder();
            for (Missed x : q.missed()) {
                m.append(m.length() == 0 ? "" : "; ").append(String.format("%d/%d/%d %s", x.rank(), x.denseRank(),
                        x.keywordRank(), x.sharesTerm() ? "yes" : "no"));
            }
            out.append(String.format("| %s #%d | %d | %.2f | %s |%n", q.sampleId(), q.index(), q.evidenceCount(),
                    q.recallAt10(), m));
        }
        return out.toString();
    }

    private static List<String> ids(List<RetrievalSystem.Ranked> ranking) {
        List<String> out = new ArrayList<>();
        for (RetrievalSystem.Ranked r : ranking) {
            if (!out.contains(r.diaId())) {
                out.add(r.diaId());
            }
        }
        return out;
    }
}
