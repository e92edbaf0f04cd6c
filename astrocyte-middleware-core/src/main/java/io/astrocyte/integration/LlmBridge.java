package io.astrocyte.integration;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An application's own chat model (LangChain4j, Spring AI, …) as Astrocyte's {@link LlmProvider} (reflect
 * synthesis, LLM PII detection). The adapter translates messages and the answer; a model failure becomes
 * {@link ProviderUnavailableException}, which the policy layer handles like any provider outage.
 *
 * @param <M> the framework's message type
 */
public abstract class LlmBridge<M> implements LlmProvider {

    private final String name;

    /** @param framework e.g. {@code spring-ai}; the name is it and the model's class, e.g. {@code spring-ai:OpenAiChatModel} */
    protected LlmBridge(String framework, Object model) {
        this.name = framework + ":" + Objects.requireNonNull(model, "model").getClass().getSimpleName();
    }

    /** One message in the framework's type. A tool result without its call is given to the model as user text. */
    protected abstract M message(Message message);

    /** Asks the model; {@code messages} are already translated. */
    protected abstract Completion call(List<M> messages, CompletionRequest request);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Completion complete(CompletionRequest request) {
        List<M> messages = new ArrayList<>(request.messages().size());
        for (Message m : request.messages()) {
            messages.add(message(m));
        }
        try {
            return call(messages, request);
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("LLM " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** A completion from what a framework reports; a missing text is empty, missing token counts no usage. */
    protected static Completion completion(String text, String model, Integer inputTokens, Integer outputTokens) {
        Completion.Usage usage = inputTokens == null || outputTokens == null ? null
                : new Completion.Usage(inputTokens, outputTokens);
        return new Completion(text == null ? "" : text, model == null || model.isBlank() ? null : model, usage);
    }

    /** For the translation of a tool result that has no call to belong to. */
    protected static String toolResultText(String content) {
        return "Tool result:\n" + content;
    }
}
