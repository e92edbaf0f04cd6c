package io.astrocyte.policy.barrier;

import java.text.Normalizer;

/**
 * A text in NFKC form with the way back: for each character of the normalized text, the stretch of the
 * original text it came from. Each code point is normalized on its own (compatibility forms such as
 * full-width digits fold to ASCII this way), so every normalized character maps to exactly one original
 * code point and a span found in the normalized text maps back to whole original characters.
 */
record NormalizedText(String text, int[] starts, int[] ends) {

    /** {@code original} itself, with identity offsets, when it is already in NFKC form. */
    static NormalizedText of(String original) {
        if (Normalizer.isNormalized(original, Normalizer.Form.NFKC)) {
            return new NormalizedText(original, null, null);
        }
        StringBuilder out = new StringBuilder(original.length());
        int[] starts = new int[original.length() * 2 + 8];
        int[] ends = new int[starts.length];
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String piece = Normalizer.normalize(original.substring(i, next), Normalizer.Form.NFKC);
            for (int k = 0; k < piece.length(); k++) {
                int at = out.length();
                if (at >= starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                starts[at] = i;
                ends[at] = next;
                out.append(piece.charAt(k));
            }
            i = next;
        }
        return new NormalizedText(out.toString(), starts, ends);
    }

    /** The original offset where the normalized character at {@code index} begins. */
    int originalStart(int index) {
        return starts == null ? index : starts[index];
    }

    /** The original offset just past the normalized characters before {@code endExclusive}. */
    int originalEnd(int endExclusive) {
        return ends == null ? endExclusive : ends[endExclusive - 1];
    }
}
