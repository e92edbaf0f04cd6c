package io.astrocyte.identity;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.AuthorizationException;

/**
 * Decides whether a context may use a permission on a bank. The facade calls it for every bank a verb
 * touches, after id validation and before any policy or store work (ARCHITECTURE request path).
 * Implementations throw {@link io.astrocyte.AccessDeniedException} or
 * {@link io.astrocyte.AuthorizationException}; returning normally means allowed.
 */
@FunctionalInterface
public interface AccessController {

    /**
     * @param context    the caller, possibly {@code null} (anonymous)
     * @param bankId     the bank being touched
     * @param permission what the call needs on it
     */
    void check(AstrocyteContext context, String bankId, Permission permission);

    /**
     * The same decision as {@link #check} as a value, for the check API. The built-in controllers decide
     * without side effects here (no {@code owner_only} claim); this default runs {@link #check}.
     */
    default AccessDecision decide(AstrocyteContext context, String bankId, Permission permission) {
        String principal = context == null ? null : context.principal();
        try {
            check(context, bankId, permission);
            return new AccessDecision(true, principal, bankId, permission, null, "allowed");
        } catch (AccessDeniedException | AuthorizationException e) {
            return new AccessDecision(false, principal, bankId, permission, null, e.getMessage());
        }
    }
}
