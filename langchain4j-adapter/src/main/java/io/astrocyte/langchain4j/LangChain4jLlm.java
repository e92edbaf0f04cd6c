package io.astrocyte.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.astrocyte.integration.LlmBridge;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.Message;
import java.util.List;

/**
 * Lets an application's LangChain4j {@link ChatModel} serve Astrocyte's LLM needs (reflect synthesis,
 * LLM PII detection): {@code Astrocyte.builder().llm(new LangChain4jLlm(model))}. Model failures surface as
 * {@link ProviderUnavailableException}, which the policy layer handles like any provider outage.
 */
public final class LangChain4jLlm extends LlmBridge<ChatMessage> {

    private final ChatModel model;

    public LangChain4jLlm(ChatModel model) {
        super("langchain4j", model);
        this.model = model;
    }

    @Override
    protected ChatMessage message(Message m) {
        return switch (m.role()) {
            case SYSTEM -> SystemMessage.from(m.content());
            case USER -> UserMessage.from(m.content());
            case ASSISTANT -> AiMessage.from(m.content());
            case TOOL -> UserMessage.from(toolResultText(m.content()));
        };
    }

    @Override
    protected Completion call(List<ChatMessage> messages, CompletionRequest request) {
        ChatRequest.Builder chat = ChatRequest.builder().messages(messages).maxOutputTokens(request.maxTokens())
                .temperature(request.temperature());
        if (request.model() != null) {
            chat.modelName(request.model());
        }
        ChatResponse response = model.chat(chat.build());
        TokenUsage usage = response.tokenUsage();
        return completion(response.aiMessage() == null ? null : response.aiMessage().text(), response.modelName(),
                usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount());
    }
}
