package io.astrocyte.langchain4j;

import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import dev.langchain4j.observability.api.listener.ToolExecutedEventListener;
import io.astrocyte.Astrocyte;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.BoundMemory;
import io.astrocyte.integration.ToolCallMemories;
import java.util.Objects;

/**
 * Remembers what tools did: registered with {@code AiServices.builder(...).registerListener(recorder)}, it
 * hears LangChain4j's {@link ToolExecutedEvent} and retains each finished tool call together with its
 * result as one memory ({@code fact_type} {@code experience}, tags {@code tool_call} and the tool name,
 * metadata {@code tool_name} and {@code tool_call_id}). The event comes only after execution, so a call is
 * never stored without its result. The retain goes through the policy layer (PII, dedup, quotas).
 * Astrocyte's own memory tools are skipped.
 *
 * <p>Recording is best effort: a refusal or failure is logged and never fails the tool call; a call
 * without identity is logged the same way.
 */
public final class AstrocyteToolCallRecorder implements ToolExecutedEventListener {


    private final Astrocyte brain;
    private final LangChain4jBindings bindings;
    private AstrocyteToolCallRecorder(Astrocyte brain, LangChain4jBindings bindings) {
        this.brain = brain;
        this.bindings = bindings;
    }

    /** Binds each call from its invocation context (parameters → resolver). */
    public static AstrocyteToolCallRecorder of(Astrocyte brain, MemoryBindingResolver resolver) {
        return new AstrocyteToolCallRecorder(Objects.requireNonNull(brain, "brain"), LangChain4jBindings.of(null, resolver));
    }

    /** Records every call under one fixed binding. */
    public static AstrocyteToolCallRecorder of(Astrocyte brain, ResolvedMemoryBinding binding) {
        return new AstrocyteToolCallRecorder(Objects.requireNonNull(brain, "brain"), LangChain4jBindings.of(binding, null));
    }

    @Override
    public void onEvent(ToolExecutedEvent execution) {
        String tool = execution.request().name();
        if (!ToolCallMemories.recorded(tool)) {
            return;
        }
        BoundMemory.retainQuietly(brain, () -> bindings.resolve(execution.invocationContext()),
                bank -> ToolCallMemories.request(bank, tool, execution.request().id(), execution.request().arguments(),
                        execution.resultText()), "tool call " + tool);
    }
}
