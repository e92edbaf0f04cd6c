package io.astrocyte.spring.boot.security;

import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.BankResolver;
import io.astrocyte.identity.MemoryBindingRequest;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in Spring Security user as the memory identity: principal {@code user:<name>}, bank
 * {@code <user-bank-prefix><name>}. Anonymous or unauthenticated calls resolve to nothing, so the chain
 * goes on (and, at its end, refuses). The starter adds it when Spring Security is on the classpath, unless
 * {@code astrocyte.binding.spring-security=false}. Like the security context itself it is per thread:
 * inside a streaming call the memory advisor resolves on the calling thread.
 */
public final class SpringSecurityBindingResolver implements MemoryBindingResolver {

    private final String userBankPrefix;

    public SpringSecurityBindingResolver(String userBankPrefix) {
        this.userBankPrefix = userBankPrefix;
    }

    @Override
    public Optional<ResolvedMemoryBinding> resolve(MemoryBindingRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                || auth.getName() == null || auth.getName().isBlank()) {
            return Optional.empty();
        }
        String user = auth.getName();
        return Optional.of(ResolvedMemoryBinding.of(AstrocyteContext.of("user:" + user),
                BankResolver.derive(userBankPrefix, user)));
    }
}
