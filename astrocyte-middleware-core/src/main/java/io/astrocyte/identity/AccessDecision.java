package io.astrocyte.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The outcome of an access check, for the check API and audit: whether the call may proceed, why, and
 * the identity's effective permissions on the bank from grants (before any default policy).
 *
 * @param reason short explanation naming the rule that decided; never memory text
 */
public record AccessDecision(boolean allowed, String principal, String bankId, Permission permission,
        Set<Permission> effective, String reason) {

    public AccessDecision {
        effective = effective == null || effective.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(effective));
    }
}
