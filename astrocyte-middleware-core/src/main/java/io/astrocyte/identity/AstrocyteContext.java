package io.astrocyte.identity;

import java.util.Objects;

/**
 * The identity a memory call is made for. Every verb takes one; it is never defaulted (a {@code null}
 * context is refused unless {@code access_control.default_policy} is {@code open}).
 *
 * @param principal   the caller as a string, for example {@code user:alice}
 * @param actor       the typed actor; derived from {@code principal} when not given
 * @param onBehalfOf  the user an agent acts for, if any (effective permissions are the intersection)
 * @param tenantId    tenant, if the deployment is multi-tenant
 */
public record AstrocyteContext(String principal, ActorIdentity actor, ActorIdentity onBehalfOf, String tenantId) {

    public AstrocyteContext {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
        if (actor == null) {
            actor = ActorIdentity.parse(principal);
        }
    }

    /** A context for a principal such as {@code user:alice}. */
    public static AstrocyteContext of(String principal) {
        return new AstrocyteContext(principal, null, null, null);
    }

    /** This context acting on behalf of another principal. */
    public AstrocyteContext onBehalfOf(String otherPrincipal) {
        Objects.requireNonNull(otherPrincipal, "otherPrincipal");
        return new AstrocyteContext(principal, actor, ActorIdentity.parse(otherPrincipal), tenantId);
    }

    /** This context within a tenant. */
    public AstrocyteContext withTenant(String tenant) {
        return new AstrocyteContext(principal, actor, onBehalfOf, tenant);
    }
}
