package io.astrocyte.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the valid name a mistyped one was most likely meant to be, for "did you mean" hints in
 * configuration errors. Distance is Damerau-Levenshtein (a swap of two neighbours, as in
 * {@code auto-retian}, counts as one edit) over lower-case text with {@code -} and {@code _} treated
 * alike, so kebab- and snake-case spellings of one key are the same name.
 */
public final class NearestName {

    private NearestName() {
    }

    /**
     * The candidate closest to {@code typed}, if one is close enough to be a plausible typo: at most a
     * third of the typed length in edits (at least one edit, at most four).
     */
    public static Optional<String> in(String typed, Collection<String> candidates) {
        String a = canonical(typed);
        int limit = Math.max(1, Math.min(4, a.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(a, canonical(c));
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"}, or the empty string when nothing is close. */
    public static String hint(String typed, Collection<String> candidates) {
        return in(typed, candidates).map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    private static String canonical(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
