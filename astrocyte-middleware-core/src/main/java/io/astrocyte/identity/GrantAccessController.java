package io.astrocyte.identity;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.AuthorizationException;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.spi.GovernanceStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Grant-based access control (SPEC §2.3). A context's effective permissions on a bank are the union of
 * every grant whose bank pattern matches the bank and whose principal pattern matches the actor (or one
 * of the actor's teams); acting on behalf of someone intersects that with the delegator's own
 * permissions, so delegation never adds rights. When no grant allows the call, the default policy
 * decides: {@code open} allows everything except {@code admin}, {@code deny} and {@code owner_only}
 * refuse. With access control disabled every identified call passes. A call without a context is
 * refused unless the policy is {@code open} (and then never for {@code admin}).
 *
 * <p>Under {@code owner_only}, the first identity to attempt a write to a bank that has no owner (or
 * the identity it acts for) becomes its owner, recorded durably in the {@link GovernanceStore}, and
 * holds every permission on it; everyone else needs a grant.
 *
 * <p>Teams come from the actor's claims: {@code teams} holds a comma-separated list, each of which is
 * matched as principal {@code team:<name>}.
 */
public final class GrantAccessController implements AccessController {

    /** The claim that lists an actor's teams, comma-separated. */
    public static final String TEAMS_CLAIM = "teams";

    private final AccessControlConfig config;
    private final List<AccessGrant> grants;
    private final GovernanceStore governance;

    /** @param governance where bank owners live; needed only for {@code owner_only} */
    public GrantAccessController(AccessControlConfig config, List<AccessGrant> grants, GovernanceStore governance) {
        this.config = config;
        this.grants = List.copyOf(grants);
        this.governance = governance;
        if (config.enabled() && config.defaultPolicy() == AccessControlConfig.DefaultPolicy.OWNER_ONLY
                && governance == null) {
            throw new io.astrocyte.ConfigException("access_control.default_policy owner_only needs a governance store");
        }
    }

    @Override
    public void check(AstrocyteContext context, String bankId, Permission permission) {
        boolean open = config.defaultPolicy() == AccessControlConfig.DefaultPolicy.OPEN;
        if (context == null) {
            if (open && permission != Permission.ADMIN) {
                return;
            }
            throw new AuthorizationException("no identity for '" + permission.wireName() + "' on bank " + bankId
                    + ": pass an AstrocyteContext");
        }
        if (!config.enabled()) {
            return;
        }
        if (ownerOnly() && permission == Permission.WRITE && governance.owner(bankId).isEmpty()) {
            // A bank written on someone's behalf belongs to them, not to the agent doing the writing.
            ActorIdentity owner = context.onBehalfOf() != null ? context.onBehalfOf() : context.actor();
            governance.claimOwner(bankId, owner.grantKey());
        }
        Set<Permission> effective = permissions(context.actor(), bankId);
        if (context.onBehalfOf() != null) {
            effective.retainAll(permissions(context.onBehalfOf(), bankId));
        }
        if (effective.contains(permission) || (open && permission != Permission.ADMIN)) {
            return;
        }
        throw new AccessDeniedException(context.principal(), bankId, permission);
    }

    private boolean ownerOnly() {
        return config.defaultPolicy() == AccessControlConfig.DefaultPolicy.OWNER_ONLY && governance != null;
    }

    /** The permissions the grants (and, under owner_only, ownership) give this identity on the bank (no default policy applied). */
    public Set<Permission> permissions(ActorIdentity identity, String bankId) {
        List<String> keys = new ArrayList<>();
        keys.add(identity.grantKey());
        String teams = identity.claims().get(TEAMS_CLAIM);
        if (teams != null) {
            for (String t : teams.split(",")) {
                if (!t.isBlank()) {
                    keys.add("team:" + t.strip());
                }
            }
        }
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        if (ownerOnly() && governance.owner(bankId).map(identity.grantKey()::equals).orElse(false)) {
            out.addAll(EnumSet.allOf(Permission.class));
        }
        for (AccessGrant g : grants) {
            for (String key : keys) {
                if (g.appliesTo(key, bankId)) {
                    out.addAll(g.permissions());
                }
            }
        }
        return out;
    }
}
