package io.astrocyte.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lets an application's LangChain4j {@link EmbeddingModel} embed for Astrocyte:
 * {@code Astrocyte.builder().embedder(new LangChain4jEmbedder(model))}. The store records the model id and
 * dimension, so switching models on an existing data folder is refused rather than mixing spaces.
 */
public final class LangChain4jEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final String modelId;
    private volatile int dimension;

    /** Uses the model's own name as the model id. */
    public LangChain4jEmbedder(EmbeddingModel model) {
        this(model, null);
    }

    /** @param modelId how the store records this embedding space; {@code null}: the model's name */
    public LangChain4jEmbedder(EmbeddingModel model, String modelId) {
        this.model = Objects.requireNonNull(model, "model");
        String name = modelId != null ? modelId : model.modelName();
        this.modelId = name == null || name.isBlank() || name.equals("unknown") ? model.getClass().getName() : name;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<Embedding> embeddings;
        try {
            embeddings = model.embedAll(segments).content();
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("embedder " + modelId, e);
        }
        if (embeddings == null || embeddings.size() != texts.size()) {
            throw new ProviderUnavailableException("embedder " + modelId + " returned "
                    + (embeddings == null ? "nothing" : embeddings.size() + " embeddings") + " for " + texts.size()
                    + " texts", null);
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }

    /** The model's dimension; asks it once by embedding a probe when the model does not know it. */
    @Override
    public int dimension() {
        if (dimension == 0) {
            dimension = model.dimension();
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
