package io.astrocyte.config;

/**
 * {@code pipeline.reflect} (SPEC §5.3).
 *
 * @param recallResults memories recalled before synthesis (default 30)
 * @param maxSources    best of those handed to the LLM or the extractive answerer (default 12)
 * @param temperature   LLM temperature (default 0.1)
 */
public record ReflectConfig(Integer recallResults, Integer maxSources, Double temperature) {

    public static final ReflectConfig DEFAULT = new ReflectConfig(null, null, null);

    public ReflectConfig {
        recallResults = recallResults == null ? 30 : recallResults;
        maxSources = maxSources == null ? 12 : maxSources;
        temperature = temperature == null ? 0.1 : temperature;
        ConfigChecks.positive("pipeline.reflect.recall_results", recallResults);
        ConfigChecks.positive("pipeline.reflect.max_sources", maxSources);
        ConfigChecks.nonNegative("pipeline.reflect.temperature", temperature);
    }
}
