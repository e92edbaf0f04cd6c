package io.astrocyte.identity;

import io.astrocyte.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call parameters every adapter reads a binding from (LangChain4j invocation parameters, Spring AI
 * advisor parameters, Semantic Kernel arguments): {@value #PRINCIPAL} and {@value #BANK}, optionally
 * {@value #BANKS} (more banks to read), {@value #ON_BEHALF_OF} and {@value #TENANT}.
 */
public final class BindingAttributes {

    /** The principal, e.g. {@code user:alice} or {@code agent:support-bot}. */
    public static final String PRINCIPAL = "astrocyte.principal";
    /** The bank retains go to, and the first bank recalls read. */
    public static final String BANK = "astrocyte.bank";
    /** Further banks to read: a collection or a comma-separated string. */
    public static final String BANKS = "astrocyte.banks";
    /** The user an agent principal acts for. */
    public static final String ON_BEHALF_OF = "astrocyte.on_behalf_of";
    public static final String TENANT = "astrocyte.tenant";

    private BindingAttributes() {
    }

    /**
     * The binding the attributes name; empty when they name no principal and no bank.
     *
     * @throws InvalidRequestException only one of principal and bank is given, or a bank id is invalid
     */
    public static Optional<ResolvedMemoryBinding> from(Map<String, ?> attributes) {
        String principal = text(attributes.get(PRINCIPAL));
        String bank = text(attributes.get(BANK));
        if (principal == null && bank == null) {
            return Optional.empty();
        }
        if (principal == null || bank == null) {
            throw new InvalidRequestException(principal == null ? PRINCIPAL : BANK, "call parameters name "
                    + (principal == null ? BANK + " but no " + PRINCIPAL : PRINCIPAL + " but no " + BANK)
                    + "; give both or neither");
        }
        AstrocyteContext context = AstrocyteContext.of(principal);
        String onBehalfOf = text(attributes.get(ON_BEHALF_OF));
        if (onBehalfOf != null) {
            context = context.onBehalfOf(onBehalfOf);
        }
        String tenant = text(attributes.get(TENANT));
        if (tenant != null) {
            context = context.withTenant(tenant);
        }
        return Optional.of(new ResolvedMemoryBinding(context, bank, banks(attributes.get(BANKS)), null, null));
    }

    private static List<String> banks(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                String s = text(o);
                if (s != null) {
                    out.add(s);
                }
            }
        } else if (text(value) != null) {
            for (String s : text(value).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
