package io.astrocyte.integration;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.Embedder;
import java.util.List;
import java.util.Objects;

/**
 * An application's own embedding model (LangChain4j, Spring AI, …) as Astrocyte's {@link Embedder}: the
 * adapter only calls its framework; this class turns a model failure or a wrong number of vectors into
 * {@link ProviderUnavailableException}, asks the dimension once (models may embed a probe text to find it),
 * and leaves the model open, since the application owns it. The model id names the embedding space stores
 * record, so switching models on an existing data folder is refused rather than mixing spaces.
 */
public abstract class EmbedderBridge implements Embedder {

    private final String modelId;
    private volatile int dimension;

    protected EmbedderBridge(String modelId) {
        this.modelId = Objects.requireNonNull(modelId, "modelId");
    }

    /** The framework's vectors for {@code texts}, in order. */
    protected abstract List<float[]> embedWithModel(List<String> texts);

    /** The framework's dimension for its model. */
    protected abstract int modelDimension();

    @Override
    public final List<float[]> embed(List<String> texts) {
        List<float[]> vectors;
        try {
            vectors = embedWithModel(texts);
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("embedder " + modelId, e);
        }
        if (vectors == null || vectors.size() != texts.size()) {
            throw new ProviderUnavailableException("embedder " + modelId + " returned "
                    + (vectors == null ? "nothing" : vectors.size() + " embeddings") + " for " + texts.size()
                    + " texts", null);
        }
        return vectors;
    }

    @Override
    public final int dimension() {
        if (dimension == 0) {
            try {
                dimension = modelDimension();
            } catch (RuntimeException e) {
                throw new ProviderUnavailableException("embedder " + modelId, e);
            }
        }
        return dimension;
    }

    @Override
    public final String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        // the application owns the model
    }
}
