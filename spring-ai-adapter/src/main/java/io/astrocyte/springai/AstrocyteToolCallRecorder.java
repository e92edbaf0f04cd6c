package io.astrocyte.springai;

import io.astrocyte.Astrocyte;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.BoundMemory;
import io.astrocyte.integration.ToolCallMemories;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.client.advisor.api.AdvisorChain;
import org.springframework.ai.chat.client.advisor.api.BaseAdvisor;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;

/**
 * Remembers what tools did in a {@code ChatClient} tool loop. Spring AI 2 runs tools in its
 * {@link ToolCallingAdvisor}; this advisor sits just inside that loop ({@link #DEFAULT_ORDER}), so before each
 * follow-up model call it sees the tool results the loop has just added and retains each call with its
 * result as one memory (see {@link ToolCallMemories}: {@code fact_type} {@code experience}, tags
 * {@code tool_call} and the tool name). A call is never stored without its result; Astrocyte's own memory
 * tools are skipped. Identity comes from the advisor context as for {@link AstrocyteMemoryAdvisor}.
 *
 * <p>Recording is best effort: a refusal is logged and never fails the chat call. Results of
 * {@code returnDirect} tools go straight to the caller without another model call and are not seen here.
 */
public final class AstrocyteToolCallRecorder implements BaseAdvisor {

    /** Just inside Spring AI's tool-calling loop. */
    public static final int DEFAULT_ORDER = ToolCallingAdvisor.DEFAULT_ORDER + 1;


    private final Astrocyte brain;
    private final SpringAiBindings bindings;

    private AstrocyteToolCallRecorder(Astrocyte brain, ResolvedMemoryBinding binding,
            MemoryBindingResolver resolver) {
        this.brain = Objects.requireNonNull(brain, "brain");
        this.bindings = new SpringAiBindings(binding, resolver);
    }

    /** Binds each call from its advisor context (parameters → resolver). */
    public static AstrocyteToolCallRecorder of(Astrocyte brain, MemoryBindingResolver resolver) {
        return new AstrocyteToolCallRecorder(brain, null, resolver);
    }

    /** Records every call under one fixed binding. */
    public static AstrocyteToolCallRecorder of(Astrocyte brain, ResolvedMemoryBinding binding) {
        return new AstrocyteToolCallRecorder(brain, Objects.requireNonNull(binding, "binding"), null);
    }

    @Override
    public String getName() {
        return "AstrocyteToolCallRecorder";
    }

    @Override
    public int getOrder() {
        return DEFAULT_ORDER;
    }

    @Override
    public ChatClientRequest before(ChatClientRequest request, AdvisorChain chain) {
        List<Message> messages = request.prompt().getInstructions();
        int last = messages.size() - 1;
        if (last < 1 || !(messages.get(last) instanceof ToolResponseMessage results)) {
            return request;
        }
        Map<String, AssistantMessage.ToolCall> calls = new HashMap<>();
        for (int i = last - 1; i >= 0; i--) {
            if (messages.get(i) instanceof AssistantMessage a && a.hasToolCalls()) {
                a.getToolCalls().forEach(c -> calls.put(c.id(), c));
                break;
            }
        }
        for (ToolResponseMessage.ToolResponse r : results.getResponses()) {
            if (ToolCallMemories.recorded(r.name())) {
                AssistantMessage.ToolCall call = calls.get(r.id());
                record(request, r, call == null ? "(unknown)" : call.arguments());
            }
        }
        return request;
    }

    private void record(ChatClientRequest request, ToolResponseMessage.ToolResponse r, String arguments) {
        BoundMemory.retainQuietly(brain, () -> bindings.resolve(request.context()),
                bank -> ToolCallMemories.request(bank, r.name(), r.id(), arguments, r.responseData()),
                "tool call " + r.name());
    }

    @Override
    public ChatClientResponse after(ChatClientResponse response, AdvisorChain chain) {
        return response;
    }
}
