package io.astrocyte.identity;

import io.astrocyte.AuthorizationException;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whose memory a framework call uses, in the order of ARCHITECTURE.md: the binding fixed on the
 * integration component → the call's own parameters ({@link BindingAttributes}) → the
 * {@link MemoryBindingResolver}, which also sees the conversation id. When none of them answers the call
 * is refused with an {@link AuthorizationException}: identity is never defaulted. Every adapter uses this,
 * translating its framework's context into a conversation id and an attribute map.
 */
public final class BindingChain {

    private final ResolvedMemoryBinding explicit;
    private final MemoryBindingResolver resolver;
    private final String parameterHint;

    private BindingChain(ResolvedMemoryBinding explicit, MemoryBindingResolver resolver, String parameterHint) {
        this.explicit = explicit;
        this.resolver = resolver;
        this.parameterHint = parameterHint;
    }

    /**
     * @param explicit a fixed binding that wins over everything else, or {@code null}
     * @param resolver asked when neither the binding nor the call's parameters name one, or {@code null}
     */
    public static BindingChain of(ResolvedMemoryBinding explicit, MemoryBindingResolver resolver) {
        return of(explicit, resolver, BindingAttributes.PRINCIPAL + " and " + BindingAttributes.BANK + " with the call");
    }

    /**
     * @param parameterHint how a caller passes an explicit identity in this framework, for the error message,
     *                      e.g. {@code "the kernel arguments principal and bank"}
     */
    public static BindingChain of(ResolvedMemoryBinding explicit, MemoryBindingResolver resolver,
            String parameterHint) {
        return new BindingChain(explicit, resolver, java.util.Objects.requireNonNull(parameterHint, "parameterHint"));
    }

    /**
     * @param conversationId the framework's conversation or memory id, {@code null} when there is none
     * @param attributes     the call's parameters, {@code null} when there are none
     * @throws AuthorizationException nothing names an identity for this call
     * @throws io.astrocyte.InvalidRequestException the parameters name only half a binding or a bad bank
     */
    public ResolvedMemoryBinding resolve(Object conversationId, Map<String, ?> attributes) {
        if (explicit != null) {
            return explicit;
        }
        Map<String, ?> attrs = attributes == null ? Map.of() : attributes;
        Optional<ResolvedMemoryBinding> fromParameters = BindingAttributes.from(attrs);
        if (fromParameters.isPresent()) {
            return fromParameters.get();
        }
        if (resolver != null) {
            Optional<ResolvedMemoryBinding> resolved = resolver.resolve(new MemoryBindingRequest(conversationId,
                    new java.util.LinkedHashMap<>(attrs)));
            if (resolved.isPresent()) {
                return resolved.get();
            }
        }
        throw new AuthorizationException("no Astrocyte identity for this call" + (conversationId == null ? ""
                : " (conversation " + conversationId + ")") + ": give the component a binding, pass "
                + parameterHint + ", or configure a MemoryBindingResolver");
    }
}
