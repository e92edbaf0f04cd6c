package io.astrocyte.openai;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.astrocyte.ConfigException;
import io.astrocyte.langchain4j.LangChain4jLlm;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.ProviderFactory;
import java.time.Duration;
import java.util.Map;

/**
 * {@code llm_provider: openai} with {@code llm_provider_config: {api_key, model, base_url, timeout_ms}}: OpenAI, or
 * any server that speaks its chat-completions API ({@code base_url}, e.g. a local vLLM or Ollama endpoint), through
 * LangChain4j's OpenAI module. Reflect and the LLM PII modes then work from configuration alone.
 */
public final class OpenAiLlmProviderFactory implements ProviderFactory.ForLlm {

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public LlmProvider create(Map<String, Object> config) {
        Object key = config.get("api_key");
        if (key == null || key.toString().isBlank()) {
            throw new ConfigException("llm_provider_config.api_key: required for llm_provider openai (use"
                    + " ${OPENAI_API_KEY})");
        }
        long timeout;
        try {
            timeout = Long.parseLong(String.valueOf(config.getOrDefault("timeout_ms", 60_000)));
        } catch (NumberFormatException e) {
            throw new ConfigException("llm_provider_config.timeout_ms: a number, got " + config.get("timeout_ms"));
        }
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder().apiKey(key.toString())
                .modelName(String.valueOf(config.getOrDefault("model", "gpt-4o-mini")))
                .timeout(Duration.ofMillis(timeout)).maxRetries(1);
        Object baseUrl = config.get("base_url");
        if (baseUrl != null && !baseUrl.toString().isBlank()) {
            b.baseUrl(baseUrl.toString());
        }
        return new LangChain4jLlm(b.build());
    }
}
