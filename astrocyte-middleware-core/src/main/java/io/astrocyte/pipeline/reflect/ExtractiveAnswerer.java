package io.astrocyte.pipeline.reflect;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.pipeline.recall.QueryTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reflect without an LLM: takes the best hits (up to three, each scoring at least
 * {@value #RELATIVE_FLOOR} of the best), picks from each the sentence that best matches the question,
 * and cites the memory it came from as {@code [memory:<id>]}. After the best hit, only memories that
 * share a content word (not just a name) with the question are cited. Content words of the question count
 * double against names, which tend to appear everywhere in a person's bank; a dialogue turn keeps its
 * speaker label.
 */
public final class ExtractiveAnswerer {

    private static final int MAX_CITED = 3;
    private static final double RELATIVE_FLOOR = 0.8;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");
    private static final Pattern SPEAKER = Pattern.compile("^([\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]{0,40}):\\s+(.*)$",
            Pattern.DOTALL);

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
            if (!cited.isEmpty() && !sharesContentWord(hit.text(), terms)) {
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(bestSentence(hit.text(), terms));
            if (hit.memoryId() != null) {
                text.append(" [memory:").append(hit.memoryId()).append(']');
            }
            cited.add(hit);
        }
        return new Answer(text.toString(), cited);
    }

    /** Whether the text contains a query term that is not a name (names recur throughout a bank). */
    private static boolean sharesContentWord(String text, QueryTerms terms) {
        Set<String> words = QueryTerms.wordsOf(text);
        for (String t : terms.terms()) {
            if (!terms.properNouns().contains(t) && words.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static String bestSentence(String text, QueryTerms terms) {
        String speaker = null;
        String body = text.strip();
        Matcher m = SPEAKER.matcher(body);
        if (m.matches()) {
            speaker = m.group(1);
            body = m.group(2);
        }
        String best = body;
        int bestScore = -1;
        for (String s : SENTENCE_END.split(body)) {
            String sentence = s.strip();
            if (sentence.isEmpty()) {
                continue;
            }
            Set<String> words = QueryTerms.wordsOf(sentence);
            int score = 0;
            for (String t : terms.terms()) {
                if (words.contains(t)) {
                    score += terms.properNouns().contains(t) ? 1 : 2;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = sentence;
            }
        }
        String sentence = ensureEnd(best);
        return speaker == null ? sentence : speaker + ": " + sentence;
    }

    private static String ensureEnd(String sentence) {
        char last = sentence.charAt(sentence.length() - 1);
        if (last == ';' || last == ',') {
            return sentence.substring(0, sentence.length() - 1) + ".";
        }
        return last == '.' || last == '!' || last == '?' ? sentence : sentence + ".";
    }
}
