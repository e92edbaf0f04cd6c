package io.astrocyte.config;

import io.astrocyte.ConfigException;
import java.util.Map;

/**
 * The typed form of {@code astrocyte.yaml} (SPEC §7). Every field has the SPEC default, so
 * {@link #defaultConfig()} is a working configuration: embedded store and local embedder when their module is
 * on the classpath, no LLM, no token budgets, access control off with anonymous calls refused.
 *
 * @param providerTier       only {@code storage} (the built-in pipeline) exists so far
 * @param vectorStore        provider name, e.g. {@code embedded}; {@code null} picks the highest-priority one found
 * @param embeddingProvider  provider name, e.g. {@code local}; {@code null} picks the highest-priority one found
 * @param llmProvider        provider name; {@code null} means no LLM (reflect is extractive)
 */
public record AstrocyteConfig(
        String providerTier,
        String vectorStore,
        Map<String, Object> vectorStoreConfig,
        String embeddingProvider,
        Map<String, Object> embeddingProviderConfig,
        String llmProvider,
        Map<String, Object> llmProviderConfig,
        HomeostasisConfig homeostasis,
        BarriersConfig barriers,
        AccessControlConfig accessControl,
        DefaultsConfig defaults,
        PipelineConfig pipeline) {

    public AstrocyteConfig {
        providerTier = providerTier == null ? "storage" : providerTier;
        if (!"storage".equals(providerTier)) {
            throw new ConfigException("provider_tier: only 'storage' (the built-in pipeline) is supported, got '"
                    + providerTier + "'");
        }
        vectorStoreConfig = vectorStoreConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vectorStoreConfig));
        embeddingProviderConfig = embeddingProviderConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(embeddingProviderConfig));
        llmProviderConfig = llmProviderConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(llmProviderConfig));
        homeostasis = homeostasis == null ? HomeostasisConfig.DEFAULT : homeostasis;
        barriers = barriers == null ? BarriersConfig.DEFAULT : barriers;
        accessControl = accessControl == null ? AccessControlConfig.DEFAULT : accessControl;
        defaults = defaults == null ? DefaultsConfig.DEFAULT : defaults;
        pipeline = pipeline == null ? PipelineConfig.DEFAULT : pipeline;
    }

    public static AstrocyteConfig defaultConfig() {
        return new AstrocyteConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads {@code astrocyte.yaml} (or JSON); see {@link ConfigLoader}. */
    public static AstrocyteConfig load(java.nio.file.Path path) {
        return ConfigLoader.withSystemEnvironment().load(path);
    }

    public AstrocyteConfig withVectorStore(String name, Map<String, Object> config) {
        return new AstrocyteConfig(providerTier, name, config, embeddingProvider, embeddingProviderConfig, llmProvider,
                llmProviderConfig, homeostasis, barriers, accessControl, defaults, pipeline);
    }

    public AstrocyteConfig withAccessControl(AccessControlConfig value) {
        return new AstrocyteConfig(providerTier, vectorStore, vectorStoreConfig, embeddingProvider,
                embeddingProviderConfig, llmProvider, llmProviderConfig, homeostasis, barriers, value, defaults,
                pipeline);
    }

    public AstrocyteConfig withHomeostasis(HomeostasisConfig value) {
        return new AstrocyteConfig(providerTier, vectorStore, vectorStoreConfig, embeddingProvider,
                embeddingProviderConfig, llmProvider, llmProviderConfig, value, barriers, accessControl, defaults,
                pipeline);
    }

    public AstrocyteConfig withPipeline(PipelineConfig value) {
        return new AstrocyteConfig(providerTier, vectorStore, vectorStoreConfig, embeddingProvider,
                embeddingProviderConfig, llmProvider, llmProviderConfig, homeostasis, barriers, accessControl, defaults,
                value);
    }
}
