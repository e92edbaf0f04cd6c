package io.astrocyte.embedding;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.ProviderFactory;
import java.util.Map;

/** {@code embedding_provider: hashing} with optional {@code dimension} (default 384). Only when named. */
public final class HashingEmbedderFactory implements ProviderFactory.ForEmbedder {

    @Override
    public String name() {
        return "hashing";
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public Embedder create(Map<String, Object> config) {
        Object dim = config.getOrDefault("dimension", 384);
        if (!(dim instanceof Number n) || n.intValue() <= 0) {
            throw new ConfigException("embedding_provider_config.dimension: must be a positive integer, got " + dim);
        }
        return new HashingEmbedder(n.intValue());
    }
}
