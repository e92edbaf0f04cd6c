package io.astrocyte.identity;

import java.util.Map;
import java.util.Objects;

/**
 * A typed actor: {@code user:alice}, {@code agent:support-bot}, {@code service:billing}.
 *
 * @param type   kind of actor
 * @param id     identifier within the kind, never blank
 * @param claims extra identity claims (for example {@code upn}, {@code tenant_id}); never raw tokens
 */
public record ActorIdentity(ActorType type, String id, Map<String, String> claims) {

    public ActorIdentity {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("actor id must not be blank");
        }
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /**
     * Parses {@code user:x}, {@code agent:x}, {@code service:x} or {@code team:x}; a principal without a
     * known prefix is a user whose id is the whole string (SPEC §2.1).
     */
    public static ActorIdentity parse(String principal) {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
        int colon = principal.indexOf(':');
        if (colon > 0) {
            String prefix = principal.substring(0, colon);
            String rest = principal.substring(colon + 1);
            for (ActorType t : ActorType.values()) {
                if (t.name().equalsIgnoreCase(prefix) && !rest.isBlank()) {
                    return new ActorIdentity(t, rest, Map.of());
                }
            }
        }
        return new ActorIdentity(ActorType.USER, principal, Map.of());
    }

    /** The grant key {@code "{type}:{id}"}. */
    public String grantKey() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
