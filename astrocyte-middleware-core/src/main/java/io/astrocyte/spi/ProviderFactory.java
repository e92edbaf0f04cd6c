package io.astrocyte.spi;

import java.util.Map;

/**
 * Creates a provider by name from its {@code *_config} map. Implementations are discovered with
 * {@link java.util.ServiceLoader} through the sub-interfaces below; when several match and the config
 * names none, the highest {@link #priority()} wins.
 *
 * @param <T> what the factory creates
 */
public interface ProviderFactory<T> {

    /** The name used in {@code astrocyte.yaml}, e.g. {@code embedded} for {@code vector_store: embedded}. */
    String name();

    /** Preference when the configuration names no provider; a negative value means "only when named". */
    default int priority() {
        return 0;
    }

    T create(Map<String, Object> config);

    /** Discovered under {@code META-INF/services/io.astrocyte.spi.ProviderFactory$ForVectorStore}. */
    interface ForVectorStore extends ProviderFactory<VectorStore> {
    }

    /** Discovered under {@code META-INF/services/io.astrocyte.spi.ProviderFactory$ForEmbedder}. */
    interface ForEmbedder extends ProviderFactory<Embedder> {
    }

    /**
     * Discovered under {@code META-INF/services/io.astrocyte.spi.ProviderFactory$ForGovernanceStore}; it
     * receives the same config map as the vector store (so it can share the data folder).
     */
    interface ForGovernanceStore extends ProviderFactory<GovernanceStore> {
    }

    /**
     * Discovered under {@code META-INF/services/io.astrocyte.spi.ProviderFactory$ForAccessPolicy}; named by
     * {@code access_control.policy_provider} and configured by {@code access_control.policy_provider_config}.
     */
    interface ForAccessPolicy extends ProviderFactory<AccessPolicyProvider> {
    }

    /**
     * Discovered under {@code META-INF/services/io.astrocyte.spi.ProviderFactory$ForRateLimitStore}; named by
     * {@code rate_limit_store} and configured by {@code rate_limit_store_config} (e.g. Redis, shared by replicas).
     */
    interface ForRateLimitStore extends ProviderFactory<RateLimitStore> {
    }

    /** Discovered under {@code META-INF/services/io.astrocyte.spi.ProviderFactory$ForLlm}. */
    interface ForLlm extends ProviderFactory<LlmProvider> {
    }
}
