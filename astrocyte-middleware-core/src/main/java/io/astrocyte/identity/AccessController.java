package io.astrocyte.identity;

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
}
