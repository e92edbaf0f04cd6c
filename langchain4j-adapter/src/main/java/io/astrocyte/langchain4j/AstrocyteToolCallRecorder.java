package io.astrocyte.langchain4j;

import dev.langchain4j.observability.api.event.ToolExecutedEvent;
import dev.langchain4j.observability.api.listener.ToolExecutedEventListener;
import io.astrocyte.Astrocyte;
import io.astrocyte.AstrocyteException;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(AstrocyteToolCallRecorder.class);
    /** Longest result text kept; tool results can be whole documents. */
    private static final int MAX_RESULT_CHARS = 2000;

    private final Astrocyte brain;
    private final BindingChain bindings;
    private final Set<String> skipped;

    private AstrocyteToolCallRecorder(Astrocyte brain, BindingChain bindings, Set<String> skipped) {
        this.brain = brain;
        this.bindings = bindings;
        this.skipped = skipped;
    }

    /** Binds each call from its invocation context (parameters → resolver). */
    public static AstrocyteToolCallRecorder of(Astrocyte brain, MemoryBindingResolver resolver) {
        return new AstrocyteToolCallRecorder(Objects.requireNonNull(brain, "brain"), BindingChain.of(null, resolver),
                Set.of("memory_retain", "memory_recall", "memory_reflect", "memory_forget"));
    }

    /** Records every call under one fixed binding. */
    public static AstrocyteToolCallRecorder of(Astrocyte brain, ResolvedMemoryBinding binding) {
        return new AstrocyteToolCallRecorder(Objects.requireNonNull(brain, "brain"), BindingChain.of(binding, null),
                Set.of("memory_retain", "memory_recall", "memory_reflect", "memory_forget"));
    }

    @Override
    public void onEvent(ToolExecutedEvent execution) {
        String tool = execution.request().name();
        if (skipped.contains(tool)) {
            return;
        }
        String result = execution.resultText() == null ? "" : execution.resultText();
        if (result.length() > MAX_RESULT_CHARS) {
            result = result.substring(0, MAX_RESULT_CHARS) + " …";
        }
        String content = "Tool call " + tool + " with arguments " + execution.request().arguments() + " returned: "
                + result;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tool_name", tool);
        if (execution.request().id() != null) {
            metadata.put("tool_call_id", execution.request().id());
        }
        try {
            ResolvedMemoryBinding b = bindings.resolve(execution.invocationContext());
            var r = brain.retain(RetainRequest.builder(b.defaultBank(), content).factType("experience")
                    .tags(List.of("tool_call", tool)).metadata(metadata).source("tool:" + tool).build(), b.context());
            if (!r.stored() && !r.deduplicated()) {
                LOG.warn("tool call {} not recorded: {}", tool, r.error());
            }
        } catch (AstrocyteException e) {
            LOG.warn("tool call {} not recorded: {}", tool, e.getMessage());
        }
    }
}
