package io.astrocyte.embedded.embedding;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.ProviderFactory;
import java.util.Map;

/**
 * {@code embedding_provider: local}, the default whenever this module is on the classpath.
 * {@code embedding_provider_config}: {@code threads} (default: one per core).
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
            if (!key.equals("threads")) {
                throw new ConfigException("embedding_provider_config." + key
                        + ": unknown key for the local embedder (known: threads)");
            }
        }
        Object threads = config.getOrDefault("threads", Runtime.getRuntime().availableProcessors());
        if (!(threads instanceof Number n) || n.intValue() < 1) {
            throw new ConfigException("embedding_provider_config.threads: must be a positive integer, got " + threads);
        }
        return new LocalEmbedder(n.intValue());
    }
}
