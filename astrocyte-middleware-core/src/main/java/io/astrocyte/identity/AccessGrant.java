package io.astrocyte.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Permissions a principal (or a glob of principals) has on a bank (or a glob of banks), SPEC §2.3.
 * Principals are written {@code type:id}: {@code user:alice}, {@code agent:support-bot},
 * {@code service:billing}, {@code team:support}, or {@code *} for everyone.
 */
public record AccessGrant(GlobPattern bank, GlobPattern principal, Set<Permission> permissions) {

    public AccessGrant {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public static AccessGrant of(String bank, String principal, Permission... permissions) {
        return new AccessGrant(new GlobPattern(bank), new GlobPattern(principal), Set.of(permissions));
    }

    public boolean appliesTo(String principalKey, String bankId) {
        return principal.matches(principalKey) && bank.matches(bankId);
    }
}
