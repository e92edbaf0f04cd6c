package io.astrocyte.identity;

import java.util.Optional;

/**
 * Finds who a framework call is for and which banks it uses, when the call itself does not say
 * (ARCHITECTURE: explicit binding → framework context → resolver). Implementations wrap Spring Security,
 * an agent-card resolver, a session lookup, or a mapping such as {@link #conversationIdAsUser}.
 * Returning empty means "cannot tell": the adapter then refuses the call rather than guess.
 */
@FunctionalInterface
public interface MemoryBindingResolver {

    Optional<ResolvedMemoryBinding> resolve(MemoryBindingRequest request);

    /** This resolver, then {@code next} when this one cannot tell. */
    default MemoryBindingResolver orElse(MemoryBindingResolver next) {
        return request -> {
            Optional<ResolvedMemoryBinding> mine = resolve(request);
            return mine.isPresent() ? mine : next.resolve(request);
        };
    }

    /**
     * Treats the conversation id as the end user's id, for apps whose memory id is the user (e.g.
     * {@code @MemoryId String userId}): principal {@code user:<id>}, bank {@code <user_bank_prefix><id>}.
     * An app opts into this explicitly; calls without a conversation id still resolve to nothing.
     */
    static MemoryBindingResolver conversationIdAsUser(String userBankPrefix) {
        return request -> {
            Object id = request.conversationId();
            if (id == null || id.toString().isBlank()) {
                return Optional.empty();
            }
            String user = id.toString();
            return Optional.of(ResolvedMemoryBinding.of(AstrocyteContext.of("user:" + user),
                    BankResolver.derive(userBankPrefix, user)));
        };
    }
}
