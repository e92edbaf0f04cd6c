package io.astrocyte.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lets an application's LangChain4j {@link ChatModel} serve Astrocyte's LLM needs (reflect synthesis,
 * LLM PII detection): {@code Astrocyte.builder().llm(new LangChain4jLlm(model))}. Model failures surface as
 * {@link ProviderUnavailableException}, which the policy layer handles like any provider outage.
 */
public final class LangChain4jLlm implements LlmProvider {

    private final ChatModel model;
    private final String name;

    public LangChain4jLlm(ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = "langchain4j:" + model.getClass().getSimpleName();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size());
        for (Message m : request.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.content());
                case USER -> UserMessage.from(m.content());
                case ASSISTANT -> AiMessage.from(m.content());
                case TOOL -> UserMessage.from("Tool result:\n" + m.content());
            });
        }
        ChatRequest.Builder chat = ChatRequest.builder().messages(messages).maxOutputTokens(request.maxTokens())
                .temperature(request.temperature());
        if (request.model() != null) {
            chat.modelName(request.model());
        }
        ChatResponse response;
        try {
            response = model.chat(chat.build());
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("LLM " + name + " failed: " + e.getMessage(), e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        Completion.Usage u = usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null
                ? null : new Completion.Usage(usage.inputTokenCount(), usage.outputTokenCount());
        return new Completion(text == null ? "" : text, response.modelName(), u);
    }
}
