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

    @Override
    default void close() {
    }
}
