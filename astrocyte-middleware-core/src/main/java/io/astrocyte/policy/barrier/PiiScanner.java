package io.astrocyte.policy.barrier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds PII by pattern. Matches that fail their checksum are dropped; overlapping matches merge into one
 * span (the longer match's type wins), so a redaction never leaves a fragment of a number behind.
 */
public final class PiiScanner {

    private final List<PiiPattern> patterns;

    public PiiScanner(List<PiiPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The PII in {@code text}, in order, without overlaps. The text is scanned in Unicode NFKC form, so
     * full-width digits and letters ({@code ５５５-１２３-４５６７}), circled or superscript digits and the
     * like are caught as their ASCII forms are, and checksums run on the normalized digits; the spans
     * returned are offsets into the original {@code text}, so a redaction replaces the original characters.
     */
    public List<PiiMatch> scan(String text) {
        NormalizedText n = NormalizedText.of(text);
        String scanned = n.text();
        List<PiiMatch> found = new ArrayList<>();
        for (PiiPattern p : patterns) {
            Matcher m = p.regex().matcher(scanned);
            while (m.find()) {
                int start = m.start(p.group());
                int end = m.end(p.group());
                if (start >= 0 && end > start && p.validator().test(scanned.substring(start, end))) {
                    found.add(new PiiMatch(p.type(), n.originalStart(start), n.originalEnd(end), p.replacement()));
                }
            }
        }
        return merge(found);
    }

    /** {@code text} with each span replaced, right to left so earlier offsets stay valid. */
    static String redact(String text, List<PiiMatch> spans, java.util.function.Function<PiiMatch, String> replacement) {
        StringBuilder out = new StringBuilder(text);
        List<PiiMatch> rightToLeft = new ArrayList<>(spans);
        rightToLeft.sort(Comparator.comparingInt(PiiMatch::start).reversed());
        for (PiiMatch m : rightToLeft) {
            out.replace(m.start(), m.end(), replacement.apply(m));
        }
        return out.toString();
    }

    /** Sorts spans and merges overlapping ones; the longer (earlier) span's type wins. */
    static List<PiiMatch> merge(List<PiiMatch> found) {
        found.sort(Comparator.comparingInt(PiiMatch::start).thenComparing(m -> -(m.end() - m.start())));
        List<PiiMatch> merged = new ArrayList<>();
        for (PiiMatch m : found) {
            PiiMatch last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && m.start() < last.end()) {
                if (m.end() > last.end()) {
                    merged.set(merged.size() - 1, new PiiMatch(last.type(), last.start(), m.end(), last.replacement()));
                }
            } else {
                merged.add(m);
            }
        }
        return merged;
    }
}
