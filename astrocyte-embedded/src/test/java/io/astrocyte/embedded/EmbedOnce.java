package io.astrocyte.embedded;

import io.astrocyte.embedded.embedding.LocalEmbedder;
import java.util.List;

/**
 * Child process for {@link LongClasspathEmbedderTest}: loads the default embedder, embeds one sentence
 * and prints {@code DIM <n> NORM <length>}.
 */
public final class EmbedOnce {

    private EmbedOnce() {
    }

    public static void main(String[] args) {
        try (LocalEmbedder embedder = new LocalEmbedder()) {
            float[] v = embedder.embed(List.of("Alice prefers dark mode in every editor")).get(0);
            double sum = 0;
            for (float x : v) {
                sum += x * x;
            }
            System.out.println("DIM " + v.length + " NORM " + Math.round(Math.sqrt(sum) * 1000) / 1000.0);
        }
    }
}
