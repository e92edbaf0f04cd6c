package io.astrocyte.springai;

import io.astrocyte.integration.EmbedderBridge;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * Lets an application's Spring AI {@link EmbeddingModel} embed for Astrocyte:
 * {@code Astrocyte.builder().embedder(new SpringAiEmbedder(model, "text-embedding-3-small"))}. The model id
 * names the embedding space; stores record it with the dimension and refuse to mix spaces, so give the real
 * model name (the one-argument constructor uses the model's class name).
 */
public final class SpringAiEmbedder extends EmbedderBridge {

    private final EmbeddingModel model;

    /** Uses the model's class name as the model id. */
    public SpringAiEmbedder(EmbeddingModel model) {
        this(model, null);
    }

    /** @param modelId how stores record this embedding space; {@code null}: the model's class name */
    public SpringAiEmbedder(EmbeddingModel model, String modelId) {
        super(modelId == null || modelId.isBlank() ? Objects.requireNonNull(model, "model").getClass().getName()
                : modelId);
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    protected List<float[]> embedWithModel(List<String> texts) {
        return model.embed(texts);
    }

    /** Spring AI may embed a probe text to find the dimension. */
    @Override
    protected int modelDimension() {
        return model.dimensions();
    }
}
