package io.astrocyte.embedding;

import io.astrocyte.spi.Embedder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic feature-hashing embedder: lower-cased words and adjacent word pairs are hashed into
 * {@code dimension} signed buckets and the result is L2-normalized. Texts that share words are close;
 * it knows nothing of synonyms. Needs no model and no network, so it suits unit tests and measuring the
 * cost of everything except the model; use a real model for retrieval quality.
 */
public final class HashingEmbedder implements Embedder {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.dimension = dimension;
    }

    /** 384 dimensions, the size of the default MiniLM space, so stores sized for either fit both. */
    public HashingEmbedder() {
        this(384);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embedOne(t));
        }
        return out;
    }

    private float[] embedOne(String text) {
        float[] v = new float[dimension];
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        String previous = null;
        while (m.find()) {
            String word = m.group();
            add(v, word, 1.0f);
            if (previous != null) {
                add(v, previous + " " + word, 0.5f);
            }
            previous = word;
        }
        return Vectors.normalized(v);
    }

    private void add(float[] v, String feature, float weight) {
        int h = fnv1a(feature);
        int bucket = Math.floorMod(h, dimension);
        v[bucket] += ((h >>> 31) == 0 ? 1 : -1) * weight;
    }

    private static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        // Final avalanche so that the sign bit and low bits are independent.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return "hashing-" + dimension;
    }
}
