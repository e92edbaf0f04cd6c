package io.astrocyte.spi;

import java.util.List;

/**
 * Turns texts into vectors. Implementations must be thread-safe and deterministic for a given model.
 */
public interface Embedder extends AutoCloseable {

    /** One vector per text, in order, each of {@link #dimension()} floats. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    int dimension();

    /** Identifies the embedding space; stores refuse to mix spaces. */
    String modelId();

    /**
     * The cosine this model gives two texts that have nothing to do with each other, which recall reads dense scores
     * against ({@code pipeline.recall.score_fusion}; {@code pipeline.recall.cosine_floor} overrides it). 0 unless the
     * model is known to place unrelated texts higher: some give unrelated sentences cosines around 0.5, and read
     * against 0 their scores barely differ.
     */
    default double unrelatedCosine() {
        return 0;
    }

    @Override
    default void close() {
    }
}
