package io.astrocyte.semantickernel;

import com.microsoft.semantickernel.contextvariables.ContextVariable;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import io.astrocyte.identity.BindingAttributes;
import io.astrocyte.identity.BindingChain;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The core {@link BindingChain} fed from kernel arguments: {@code principal}, {@code bank}, {@code banks}
 * (comma-separated read banks), {@code on_behalf_of} and {@code tenant} are the explicit binding, and
 * {@code conversation_id} is what a {@link MemoryBindingResolver} sees as the conversation; the resolver
 * also gets every argument as text.
 */
final class KernelBindings {

    static final String PRINCIPAL = "principal";
    static final String BANK = "bank";
    static final String BANKS = "banks";
    static final String ON_BEHALF_OF = "on_behalf_of";
    static final String TENANT = "tenant";
    static final String CONVERSATION_ID = "conversation_id";

    private static final Map<String, String> EXPLICIT = Map.of(PRINCIPAL, BindingAttributes.PRINCIPAL, BANK,
            BindingAttributes.BANK, BANKS, BindingAttributes.BANKS, ON_BEHALF_OF, BindingAttributes.ON_BEHALF_OF, TENANT,
            BindingAttributes.TENANT);

    private final BindingChain chain;

    KernelBindings(ResolvedMemoryBinding fixed, MemoryBindingResolver resolver) {
        this.chain = BindingChain.of(fixed, resolver, "the kernel arguments principal and bank");
    }

    ResolvedMemoryBinding resolve(KernelFunctionArguments arguments) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Object conversation = null;
        if (arguments != null) {
            for (Map.Entry<String, ContextVariable<?>> e : arguments.entrySet()) {
                Object value = e.getValue() == null ? null : e.getValue().getValue();
                if (value == null) {
                    continue;
                }
                String text = value.toString();
                attributes.put(e.getKey(), text);
                String mapped = EXPLICIT.get(e.getKey());
                if (mapped != null && !text.isBlank()) {
                    attributes.put(mapped, text);
                }
                if (e.getKey().equals(CONVERSATION_ID)) {
                    conversation = text;
                }
            }
        }
        return chain.resolve(conversation, attributes);
    }
}
