package io.astrocyte.pipeline.recall;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a query that carry meaning: lower-cased content terms (no stop words, at least three
 * letters) and proper nouns (capitalized words that are not sentence-initial question or stop words).
 */
public record QueryTerms(Set<String> terms, Set<String> properNouns) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
            "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from", "had",
            "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into",
            "is", "it", "its", "just", "like", "me", "more", "most", "my", "no", "not", "now", "of", "on",
            "or", "our", "out", "over", "she", "should", "so", "some", "than", "that", "the", "their", "them",
            "then", "there", "these", "they", "this", "those", "to", "too", "up", "us", "very", "was", "we",
            "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
            "you", "your", "yours", "get", "got", "one", "two", "many", "much", "ever", "last", "first",
            "kind", "type", "thing", "things", "something", "done", "make", "made", "going", "go", "went",
            "say", "said");

    public static QueryTerms of(String query) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> proper = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query);
        boolean first = true;
        while (m.find()) {
            String word = stripPossessive(m.group());
            String lower = word.toLowerCase(Locale.ROOT);
            boolean stop = STOP_WORDS.contains(lower);
            if (!stop && lower.length() >= 3) {
                terms.add(lower);
            }
            if (!stop && Character.isUpperCase(word.charAt(0)) && !(first && isQuestionStart(lower))) {
                proper.add(lower);
            }
            first = false;
        }
        return new QueryTerms(Set.copyOf(terms), Set.copyOf(proper));
    }

    /** Lower-cased words of a text, possessives stripped, for matching against the query's terms. */
    public static Set<String> wordsOf(String text) {
        Set<String> words = new java.util.HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(stripPossessive(m.group()).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** How many words a text has. */
    public static int wordCount(String text) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String stripPossessive(String w) {
        if (w.endsWith("'s") || w.endsWith("'S")) {
            return w.substring(0, w.length() - 2);
        }
        return w.endsWith("'") ? w.substring(0, w.length() - 1) : w;
    }

    private static boolean isQuestionStart(String lower) {
        return STOP_WORDS.contains(lower);
    }
}
