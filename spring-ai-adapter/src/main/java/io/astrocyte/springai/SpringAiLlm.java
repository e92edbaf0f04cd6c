package io.astrocyte.springai;

import io.astrocyte.integration.LlmBridge;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.Message;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Lets an application's Spring AI {@link ChatModel} serve Astrocyte's LLM needs (reflect synthesis, LLM
 * PII detection): {@code Astrocyte.builder().llm(new SpringAiLlm(chatModel))}. Model failures surface as
 * {@link ProviderUnavailableException}, which the policy layer handles like any provider outage.
 */
public final class SpringAiLlm extends LlmBridge<org.springframework.ai.chat.messages.Message> {

    private final ChatModel model;

    public SpringAiLlm(ChatModel model) {
        super("spring-ai", model);
        this.model = model;
    }

    @Override
    protected org.springframework.ai.chat.messages.Message message(Message m) {
        return switch (m.role()) {
            case SYSTEM -> new SystemMessage(m.content());
            case USER -> new UserMessage(m.content());
            case ASSISTANT -> new AssistantMessage(m.content());
            // a tool result without its call cannot be a ToolResponseMessage
            case TOOL -> new UserMessage(toolResultText(m.content()));
        };
    }

    @Override
    protected Completion call(List<org.springframework.ai.chat.messages.Message> messages,
            CompletionRequest request) {
        ChatOptions.Builder<?> options = ChatOptions.builder().maxTokens(request.maxTokens())
                .temperature(request.temperature());
        if (request.model() != null) {
            options.model(request.model());
        }
        ChatResponse response = model.call(new Prompt(messages, options.build()));
        String text = response == null || response.getResult() == null ? null
                : response.getResult().getOutput().getText();
        var metadata = response == null ? null : response.getMetadata();
        Usage usage = metadata == null ? null : metadata.getUsage();
        boolean counted = usage != null && usage.getTotalTokens() != 0;
        return completion(text, metadata == null ? null : metadata.getModel(),
                counted ? usage.getPromptTokens() : null, counted ? usage.getCompletionTokens() : null);
    }
}
