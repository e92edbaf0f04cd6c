package io.astrocyte.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.astrocyte.integration.EmbedderBridge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lets an application's LangChain4j {@link EmbeddingModel} embed for Astrocyte:
 * {@code Astrocyte.builder().embedder(new LangChain4jEmbedder(model))}. The store records the model id and
 * dimension, so switching models on an existing data folder is refused rather than mixing spaces.
 */
public final class LangChain4jEmbedder extends EmbedderBridge {

    private final EmbeddingModel model;

    /** Uses the model's own name as the model id. */
    public LangChain4jEmbedder(EmbeddingModel model) {
        this(model, null);
    }

    /** @param modelId how the store records this embedding space; {@code null}: the model's name */
    public LangChain4jEmbedder(EmbeddingModel model, String modelId) {
        super(id(Objects.requireNonNull(model, "model"), modelId));
        this.model = model;
    }

    private static String id(EmbeddingModel model, String modelId) {
        String name = modelId != null ? modelId : model.modelName();
        return name == null || name.isBlank() || name.equals("unknown") ? model.getClass().getName() : name;
    }

    @Override
    protected List<float[]> embedWithModel(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        if (embeddings == null) {
            return null;
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }

    /** The model's dimension; LangChain4j embeds a probe when the model does not know it. */
    @Override
    protected int modelDimension() {
        return model.dimension();
    }
}
