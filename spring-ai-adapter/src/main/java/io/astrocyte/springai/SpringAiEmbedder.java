package io.astrocyte.springai;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.Embedder;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * Lets an application's Spring AI {@link EmbeddingModel} embed for Astrocyte:
 * {@code Astrocyte.builder().embedder(new SpringAiEmbedder(model, "text-embedding-3-small"))}. The model id
 * names the embedding space; stores record it with the dimension and refuse to mix spaces, so give the real
 * model name (the one-argument constructor uses the model's class name).
 */
public final class SpringAiEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final String modelId;
    private volatile int dimension;

    /** Uses the model's class name as the model id. */
    public SpringAiEmbedder(EmbeddingModel model) {
        this(model, null);
    }

    /** @param modelId how stores record this embedding space; {@code null}: the model's class name */
    public SpringAiEmbedder(EmbeddingModel model, String modelId) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelId = modelId == null || modelId.isBlank() ? model.getClass().getName() : modelId;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors;
        try {
            vectors = model.embed(texts);
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

    /** The model's dimension, asked once (Spring AI may embed a probe text to find it). */
    @Override
    public int dimension() {
        if (dimension == 0) {
            try {
                dimension = model.dimensions();
            } catch (RuntimeException e) {
                throw new ProviderUnavailableException("embedder " + modelId, e);
            }
        }
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public void close() {
        // the application owns the model
    }
}
