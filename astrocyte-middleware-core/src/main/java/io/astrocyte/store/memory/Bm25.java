package io.astrocyte.store.memory;

import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Okapi BM25 (k1 = 1.2, b = 0.75) over lower-cased word tokens, computed by scanning. */
final class Bm25 {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    List<VectorHit> score(String query, List<VectorItem> candidates, List<String> corpus) {
        Set<String> terms = new HashSet<>(tokens(query));
        if (terms.isEmpty() || corpus.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, Integer> df = new HashMap<>();
        long totalLength = 0;
        for (String text : corpus) {
            List<String> toks = tokens(text);
            totalLength += toks.size();
            for (String t : new HashSet<>(toks)) {
                if (terms.contains(t)) {
                    df.merge(t, 1, Integer::sum);
                }
            }
        }
        double avgLength = Math.max(1.0, (double) totalLength / corpus.size());
        int n = corpus.size();
        List<VectorHit> hits = new ArrayList<>();
        double best = 0;
        for (VectorItem item : candidates) {
            List<String> toks = tokens(item.text());
            Map<String, Integer> tf = new HashMap<>();
            for (String t : toks) {
                if (terms.contains(t)) {
                    tf.merge(t, 1, Integer::sum);
                }
            }
            double s = 0;
            for (Map.Entry<String, Integer> e : tf.entrySet()) {
                int d = df.getOrDefault(e.getKey(), 0);
                double idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
                double f = e.getValue();
                s += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * toks.size() / avgLength));
            }
            if (s > 0) {
                hits.add(item.toHit(s));
                best = Math.max(best, s);
            }
        }
        List<VectorHit> scaled = new ArrayList<>(hits.size());
        for (VectorHit h : hits) {
            scaled.add(h.withScore(h.score() / best));
        }
        return scaled;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
