package io.astrocyte.benchmarks.locomo;

import io.astrocyte.pipeline.recall.QueryTerms;
import io.astrocyte.spi.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LoCoMo's questions reworded so that they share no word with their evidence except names and stop words: every
 * other shared word is replaced by the word of the dataset's vocabulary the embedder puts closest to it, among
 * words that neither occur in the evidence nor start like a word of it (so the keyword strategy's stemmer cannot
 * match them either). A stress shape for fusion, standing in for questions that paraphrase what they ask about:
 * the keyword strategy is led to the substitutes' other occurrences, the dense strategy sees a near meaning. It
 * favours the dense strategy by construction (the substitutes are that embedder's neighbours), which is the point:
 * a fusion that still loses to dense retrieval here weights word matches too much for such a dataset.
 */
final class RewordedQuestions {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Characters two words must share at the start to count as variants of one word (paint, painting, painted). */
    private static final int STEM = 4;

    private final Map<LocomoDataset.Question, String> reworded = new IdentityHashMap<>();
    private final double share;
    private int replaced;
    private int kept;
    private int questions;

    private RewordedQuestions(double share) {
        this.share = share;
    }

    /**
     * The reworded text of every question of categories 1-4 with evidence, embedding the vocabulary once.
     *
     * @param share the share of the words a question shares with its evidence that are replaced (1 for all; which
     *              ones is fixed by the word and the question, so every run rewords alike)
     */
    static RewordedQuestions of(List<LocomoDataset.Conversation> conversations, Embedder embedder, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the share of words to reword must lie in (0, 1]: " + share);
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (LocomoDataset.Conversation c : conversations) {
            for (LocomoDataset.Turn t : c.turns()) {
                for (String w : contentWords(t.text())) {
                    frequency.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> vocabulary = frequency.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey)
                .sorted().toList();
        List<float[]> vectors = new ArrayList<>(vocabulary.size());
        for (int i = 0; i < vocabulary.size(); i += 256) {
            vectors.addAll(embedder.embed(vocabulary.subList(i, Math.min(vocabulary.size(), i + 256))));
        }
        Map<String, float[]> cache = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            cache.put(vocabulary.get(i), vectors.get(i));
        }
        RewordedQuestions out = new RewordedQuestions(share);
        for (LocomoDataset.Conversation c : conversations) {
            Map<String, String> turnText = new HashMap<>();
            for (LocomoDataset.Turn t : c.turns()) {
                turnText.put(t.diaId(), t.text());
            }
            for (LocomoDataset.Question q : c.questions()) {
                if (q.evidence().isEmpty() || q.category() < 1 || q.category() > 4) {
                    continue;
                }
                Set<String> evidenceWords = new HashSet<>();
                for (String id : q.evidence()) {
                    evidenceWords.addAll(QueryTerms.wordsOf(turnText.getOrDefault(id, "")));
                }
                out.reworded.put(q, out.reword(q.text(), evidenceWords, vocabulary, vectors, cache, embedder));
                out.questions++;
            }
        }
        return out;
    }

    /** The question as asked in this shape (the original when it was not reworded). */
    String text(LocomoDataset.Question q) {
        return reworded.getOrDefault(q, q.text());
    }

    /** A line for the console: how many words were replaced in how many questions, and an example. */
    String summary() {
        return String.format(Locale.ROOT, "reworded questions: %d words they share with their evidence replaced, %d"
                + " kept (share %.2f), in %d questions", replaced, kept, share, questions);
    }

    private String reword(String question, Set<String> evidenceWords, List<String> vocabulary, List<float[]> vectors,
            Map<String, float[]> cache, Embedder embedder) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(question);
        int last = 0;
        boolean first = true;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            // names stay (a paraphrase keeps who it is about); a capital first word is just the sentence start
            boolean name = Character.isUpperCase(word.charAt(0)) && !first;
            first = false;
            if (name || !isContentWord(lower) || !sharesStem(lower, evidenceWords)) {
                continue;
            }
            if (Math.floorMod((question + "\u0000" + lower).hashCode(), 1000) >= share * 1000) {
                kept++;
                continue;
            }
            float[] v = cache.computeIfAbsent(lower, embedder::embed);
            String best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < vocabulary.size(); i++) {
                String candidate = vocabulary.get(i);
                if (candidate.regionMatches(0, lower, 0, Math.min(STEM, lower.length()))
                        || sharesStem(candidate, evidenceWords)) {
                    continue;
                }
                double s = dot(v, vectors.get(i));
                if (s > bestScore) {
                    bestScore = s;
                    best = candidate;
                }
            }
            if (best != null) {
                out.append(question, last, m.start()).append(best);
                last = m.end();
                replaced++;
            }
        }
        return out.append(question.substring(last)).toString();
    }

    private static boolean sharesStem(String word, Set<String> words) {
        if (words.contains(word)) {
            return true;
        }
        if (word.length() < STEM) {
            return false;
        }
        String stem = word.substring(0, STEM);
        for (String w : words) {
            if (w.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContentWord(String lower) {
        return lower.length() >= 3 && QueryTerms.of(lower).terms().contains(lower);
    }

    private static List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String lower = m.group().toLowerCase(Locale.ROOT);
            if (isContentWord(lower)) {
                out.add(lower);
            }
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
