package io.astrocyte.springai;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
public final class SpringAiLlm implements LlmProvider {

    private final ChatModel model;
    private final String name;

    public SpringAiLlm(ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = "spring-ai:" + model.getClass().getSimpleName();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Completion complete(CompletionRequest request) {
        List<org.springframework.ai.chat.messages.Message> messages = new ArrayList<>(request.messages().size());
        for (Message m : request.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> new SystemMessage(m.content());
                case USER -> new UserMessage(m.content());
                case ASSISTANT -> new AssistantMessage(m.content());
                // a tool result without its call cannot be a ToolResponseMessage; give it to the model as text
                case TOOL -> new UserMessage("Tool result:\n" + m.content());
            });
        }
        ChatOptions.Builder<?> options = ChatOptions.builder().maxTokens(request.maxTokens())
                .temperature(request.temperature());
        if (request.model() != null) {
            options.model(request.model());
        }
        ChatResponse response;
        try {
            response = model.call(new Prompt(messages, options.build()));
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("LLM " + name + " failed: " + e.getMessage(), e);
        }
        String text = response == null || response.getResult() == null ? null
                : response.getResult().getOutput().getText();
        String modelName = response == null || response.getMetadata() == null ? null
                : response.getMetadata().getModel();
        Usage usage = response == null || response.getMetadata() == null ? null : response.getMetadata().getUsage();
        Completion.Usage u = usage == null || usage.getPromptTokens() == null || usage.getCompletionTokens() == null
                || usage.getTotalTokens() == 0 ? null
                : new Completion.Usage(usage.getPromptTokens(), usage.getCompletionTokens());
        return new Completion(text == null ? "" : text, modelName == null || modelName.isBlank() ? null : modelName,
                u);
    }
}
