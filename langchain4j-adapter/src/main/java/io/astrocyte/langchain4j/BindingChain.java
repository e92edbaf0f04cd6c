package io.astrocyte.langchain4j;

import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import io.astrocyte.AuthorizationException;
import io.astrocyte.identity.BindingAttributes;
import io.astrocyte.identity.MemoryBindingRequest;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whose memory a LangChain4j call uses, in the order of ARCHITECTURE.md: the binding given to the
 * component → the call's {@link InvocationParameters} ({@code astrocyte.principal}, {@code astrocyte.bank},
 * see {@link BindingAttributes}) → the {@link MemoryBindingResolver}, which also sees the {@code @MemoryId}.
 * When none of them answers, the call is refused with an {@link AuthorizationException}: identity is never
 * defaulted. LangChain4j's placeholder memory id {@code "default"} counts as no memory id.
 */
public final class BindingChain {

    /** The memory id LangChain4j uses when a method has no {@code @MemoryId} parameter. */
    static final String LANGCHAIN4J_DEFAULT_MEMORY_ID = "default";

    private final ResolvedMemoryBinding explicit;
    private final MemoryBindingResolver resolver;

    private BindingChain(ResolvedMemoryBinding explicit, MemoryBindingResolver resolver) {
        this.explicit = explicit;
        this.resolver = resolver;
    }

    /**
     * @param explicit a fixed binding that wins over everything else, or {@code null}
     * @param resolver asked when neither the binding nor the call's parameters name one, or {@code null}
     */
    public static BindingChain of(ResolvedMemoryBinding explicit, MemoryBindingResolver resolver) {
        return new BindingChain(explicit, resolver);
    }

    /** Resolves from a tool call's or listener event's invocation context ({@code null}: nothing known). */
    public ResolvedMemoryBinding resolve(InvocationContext context) {
        return context == null ? resolve(null, null)
                : resolve(context.chatMemoryId(), context.invocationParameters());
    }

    /**
     * @throws AuthorizationException nothing names an identity for this call
     * @throws io.astrocyte.InvalidRequestException the parameters name only half a binding or a bad bank
     */
    public ResolvedMemoryBinding resolve(Object memoryId, InvocationParameters parameters) {
        if (explicit != null) {
            return explicit;
        }
        Map<String, Object> attributes = parameters == null ? Map.of() : parameters.asMap();
        Optional<ResolvedMemoryBinding> fromParameters = BindingAttributes.from(attributes);
        if (fromParameters.isPresent()) {
            return fromParameters.get();
        }
        Object id = LANGCHAIN4J_DEFAULT_MEMORY_ID.equals(memoryId) ? null : memoryId;
        if (resolver != null) {
            Optional<ResolvedMemoryBinding> resolved = resolver.resolve(new MemoryBindingRequest(id, attributes));
            if (resolved.isPresent()) {
                return resolved.get();
            }
        }
        throw new AuthorizationException("no Astrocyte identity for this call" + (id == null ? "" : " (memory id "
                + id + ")") + ": give the component a binding, pass " + BindingAttributes.PRINCIPAL + " and "
                + BindingAttributes.BANK + " as invocation parameters, or configure a MemoryBindingResolver");
    }
}
