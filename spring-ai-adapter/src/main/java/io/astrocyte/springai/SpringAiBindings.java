package io.astrocyte.springai;

import io.astrocyte.identity.BindingChain;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.Map;
import org.springframework.ai.chat.memory.ChatMemory;

/**
 * The core {@link BindingChain} fed from a Spring AI context map (advisor context, RAG query context,
 * {@code ToolContext}): {@link ChatMemory#CONVERSATION_ID} is the conversation id and the whole map the
 * call's parameters ({@code astrocyte.principal}, {@code astrocyte.bank}, …). A binding the memory advisor
 * already resolved for this request ({@link #RESOLVED}) is reused, so advisors further down the chain —
 * inside the tool loop, on Reactor threads when streaming — see the same identity.
 */
final class SpringAiBindings {

    /** Advisor-context key of the binding the memory advisor resolved for the request. */
    static final String RESOLVED = "astrocyte.resolved_binding";

    private final BindingChain chain;

    SpringAiBindings(ResolvedMemoryBinding explicit, MemoryBindingResolver resolver) {
        this.chain = BindingChain.of(explicit, resolver);
    }

    ResolvedMemoryBinding resolve(Map<String, Object> context) {
        Map<String, Object> attributes = context == null ? Map.of() : context;
        if (attributes.get(RESOLVED) instanceof ResolvedMemoryBinding resolved) {
            return resolved;
        }
        return chain.resolve(attributes.get(ChatMemory.CONVERSATION_ID), attributes);
    }
}
