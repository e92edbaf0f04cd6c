package io.astrocyte.pipeline.reflect;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.pipeline.recall.QueryTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reflect without an LLM: takes the best hits (up to three, each scoring at least half the best), picks
 * from each the sentence that shares the most words with the question, and cites the memory it came
 * from as {@code [memory:<id>]}.
 */
public final class ExtractiveAnswerer {

    private static final int MAX_CITED = 3;
    private static final double RELATIVE_FLOOR = 0.5;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    private ExtractiveAnswerer() {
    }

    /** The answer text and the hits it cites, in citation order. */
    public record Answer(String text, List<MemoryHit> cited) {
    }

    public static Answer answer(String query, List<MemoryHit> ranked) {
        if (ranked.isEmpty()) {
            return new Answer("", List.of());
        }
        QueryTerms terms = QueryTerms.of(query);
        double floor = ranked.get(0).score() * RELATIVE_FLOOR;
        List<MemoryHit> cited = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (MemoryHit hit : ranked) {
            if (cited.size() == MAX_CITED || (!cited.isEmpty() && hit.score() < floor)) {
                break;
            }
            String sentence = bestSentence(hit.text(), terms);
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(ensureEnd(sentence));
            if (hit.memoryId() != null) {
                text.append(" [memory:").append(hit.memoryId()).append(']');
            }
            cited.add(hit);
        }
        return new Answer(text.toString(), cited);
    }

    private static String bestSentence(String text, QueryTerms terms) {
        String best = text.strip();
        int bestOverlap = -1;
        for (String s : SENTENCE_END.split(text)) {
            String sentence = s.strip();
            if (sentence.isEmpty()) {
                continue;
            }
            Set<String> words = QueryTerms.wordsOf(sentence);
            int overlap = 0;
            for (String t : terms.terms()) {
                if (words.contains(t)) {
                    overlap++;
                }
            }
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = sentence;
            }
        }
        return best;
    }

    private static String ensureEnd(String sentence) {
        char last = sentence.charAt(sentence.length() - 1);
        return last == '.' || last == '!' || last == '?' ? sentence : sentence + ".";
    }
}
