package io.astrocyte.langchain4j;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;

/**
 * The core {@link io.astrocyte.identity.BindingChain} fed from LangChain4j: the {@code @MemoryId} as the
 * conversation id and the {@link InvocationParameters} as the call's parameters. LangChain4j's placeholder
 * memory id {@code "default"} counts as no memory id, so it never resolves to a user.
 */
public final class LangChain4jBindings {

    /** The memory id LangChain4j uses when a method has no {@code @MemoryId} parameter. */
    static final String LANGCHAIN4J_DEFAULT_MEMORY_ID = "default";

    private final io.astrocyte.identity.BindingChain chain;

    private LangChain4jBindings(io.astrocyte.identity.BindingChain chain) {
        this.chain = chain;
    }

    /**
     * @param explicit a fixed binding that wins over everything else, or {@code null}
     * @param resolver asked when neither the binding nor the invocation parameters name one, or {@code null}
     */
    public static LangChain4jBindings of(ResolvedMemoryBinding explicit, MemoryBindingResolver resolver) {
        return new LangChain4jBindings(io.astrocyte.identity.BindingChain.of(explicit, resolver));
    }

    /** Resolves from a tool call's or listener event's invocation context ({@code null}: nothing known). */
    public ResolvedMemoryBinding resolve(InvocationContext context) {
        return context == null ? resolve(null, null)
                : resolve(context.chatMemoryId(), context.invocationParameters());
    }

    /**
     * @throws io.astrocyte.AuthorizationException nothing names an identity for this call
     * @throws io.astrocyte.InvalidRequestException the parameters name only half a binding or a bad bank
     */
    public ResolvedMemoryBinding resolve(Object memoryId, InvocationParameters parameters) {
        return chain.resolve(LANGCHAIN4J_DEFAULT_MEMORY_ID.equals(memoryId) ? null : memoryId,
                parameters == null ? null : parameters.asMap());
    }
}
