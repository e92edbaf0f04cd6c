package io.astrocyte.qdrant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Client-side BM25 as sparse vectors. Texts go through the embedded store's analyzer (Lucene's English
 * analyzer: standard tokenizer, lower case, English stop words, Porter stemming), each term becomes the
 * index {@code FNV-1a-32(term)}; a document's weight per term is BM25's term-frequency part
 * {@code tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen))}, a query's weight is 1 per distinct term, and Qdrant
 * supplies the IDF part through the sparse vector's {@code idf} modifier. Qdrant keeps those statistics per
 * shard, so scores are BM25 over one shard's points (all banks in it): exact over the collection with one
 * shard, approximate across shards on a cluster; the average length is fixed instead of measured.
 */
final class Bm25Encoder {

    /** Early term-frequency saturation, as the embedded store's keyword search (its {@code keyword_k1}). */
    static final double K1 = 0.5;
    static final double B = 0.75;

    /** Indices (ascending) and weights of one sparse vector. */
    record Sparse(List<Integer> indices, List<Float> values) {
        boolean isEmpty() {
            return indices.isEmpty();
        }
    }

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final double averageLength;

    /** @param averageLength the assumed average document length in terms, BM25's {@code avgdl} */
    Bm25Encoder(double averageLength) {
        if (!(averageLength > 0)) {
            throw new IllegalArgumentException("averageLength must be positive, got " + averageLength);
        }
        this.averageLength = averageLength;
    }

    Sparse document(String text) {
        Map<Integer, Integer> tf = counts(text);
        int length = tf.values().stream().mapToInt(Integer::intValue).sum();
        List<Integer> indices = new ArrayList<>(tf.size());
        List<Float> values = new ArrayList<>(tf.size());
        double norm = K1 * (1 - B + B * length / averageLength);
        for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
            indices.add(e.getKey());
            values.add((float) (e.getValue() * (K1 + 1) / (e.getValue() + norm)));
        }
        return new Sparse(indices, values);
    }

    Sparse query(String text) {
        Map<Integer, Integer> tf = counts(text);
        List<Float> ones = new ArrayList<>(tf.size());
        tf.keySet().forEach(k -> ones.add(1f));
        return new Sparse(new ArrayList<>(tf.keySet()), ones);
    }

    /** Term index → frequency, ordered by index (Qdrant wants distinct indices). */
    private Map<Integer, Integer> counts(String text) {
        Map<Integer, Integer> tf = new TreeMap<>(Integer::compareUnsigned);
        try (TokenStream ts = analyzer.tokenStream("text", text == null ? "" : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tf.merge(index(term.toString()), 1, Integer::sum);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("tokenizing for BM25", e);
        }
        return tf;
    }

    /** FNV-1a over the term's UTF-8 bytes; Qdrant reads the int as an unsigned 32-bit index. */
    static int index(String term) {
        int h = 0x811c9dc5;
        for (byte b : term.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
