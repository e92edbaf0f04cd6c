package io.astrocyte.identity;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.AuthorizationException;
import io.astrocyte.ConfigException;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.spi.GovernanceStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Grant-based access control (SPEC §2.3). A context's effective permissions on a bank are the union of
 * every grant whose bank pattern matches the bank and whose principal pattern matches the actor (or one
 * of the actor's teams); acting on behalf of someone intersects that with the delegator's own
 * permissions, so delegation never adds rights. When no grant allows the call, the default policy
 * decides: {@code open} allows everything except {@code admin}, {@code deny} and {@code owner_only}
 * refuse. With access control disabled every identified call passes. A call without a context is
 * refused unless the policy is {@code open} (and then never for {@code admin}).
 *
 * <p>Grants come from three places: the configuration (fixed for the life of the instance), the
 * {@link GovernanceStore} (made through {@link AccessManager#grant}, durable), and runtime grants that
 * trusted code such as the agent-card resolver adds (in memory, re-derived on every start).
 *
 * <p>Under {@code owner_only} (the default), an identity owns its convention bank ({@code user-alice}
 * for {@code user:alice}, see {@link BankResolver}) from the start, and nobody else can claim it. For
 * any other bank, the first identity to attempt a write to it while it has no owner (or the identity it
 * acts for) becomes its owner, recorded durably in the {@link GovernanceStore}. An owner holds every
 * permission on its bank; everyone else needs a grant, and a refusal names the grant that would allow it.
 *
 * <p>Teams come from the actor's claims: {@code teams} holds a comma-separated list, each of which is
 * matched as principal {@code team:<name>}.
 */
public final class GrantAccessController implements AccessController {

    /** The claim that lists an actor's teams, comma-separated. */
    public static final String TEAMS_CLAIM = "teams";

    private final AccessControlConfig config;
    private final List<AccessGrant> configGrants;
    private final List<AccessGrant> runtimeGrants = new CopyOnWriteArrayList<>();
    private final GovernanceStore governance;
    private final GovernanceReads reads;
    private final BankResolver conventions;

    /** @param governance where owners and API grants live; may be {@code null} unless the policy is {@code owner_only} */
    public GrantAccessController(AccessControlConfig config, List<AccessGrant> grants, GovernanceStore governance) {
        this(config, grants, governance, new BankResolver(io.astrocyte.config.IdentityConfig.DEFAULT));
    }

    /** @param conventions how identities map to their own banks (the {@code identity.*_bank_prefix} settings) */
    public GrantAccessController(AccessControlConfig config, List<AccessGrant> grants, GovernanceStore governance,
            BankResolver conventions) {
        this.conventions = java.util.Objects.requireNonNull(conventions, "conventions");
        this.config = config;
        this.configGrants = List.copyOf(grants);
        this.governance = governance;
        this.reads = governance == null ? null : new GovernanceReads(governance, config.grantCacheMillis());
        if (config.enabled() && config.defaultPolicy() == AccessControlConfig.DefaultPolicy.OWNER_ONLY
                && governance == null) {
            throw new ConfigException("access_control.default_policy owner_only needs a governance store");
        }
    }

    @Override
    public void check(AstrocyteContext context, String bankId, Permission permission) {
        AccessDecision d = decide(context, bankId, permission, true);
        if (!d.allowed()) {
            throw denial(context, d);
        }
    }

    @Override
    public AccessDecision decide(AstrocyteContext context, String bankId, Permission permission) {
        return decide(context, bankId, permission, false);
    }

    private static final org.slf4j.Logger AUDIT = org.slf4j.LoggerFactory.getLogger("astrocyte.audit.access");

    /**
     * The exception that reports a refused decision (no identity, or a named missing permission), after
     * writing the {@code access.denied} audit event.
     */
    static RuntimeException denial(AstrocyteContext context, AccessDecision d) {
        AUDIT.info("access.denied principal={} bank={} permission={} reason={}",
                context == null ? "(none)" : context.principal(), d.bankId(), d.permission().wireName(), d.reason());
        if (context == null) {
            return new AuthorizationException("no identity for '" + d.permission().wireName() + "' on bank "
                    + d.bankId() + ": pass an AstrocyteContext");
        }
        return new AccessDeniedException(context.principal(), d.bankId(), d.permission(), d.reason());
    }

    /**
     * Decides without throwing.
     *
     * @param claimOwnership whether a write under {@code owner_only} may claim an unowned bank (true on the
     *                       request path, false for the side-effect-free check API)
     */
    public AccessDecision decide(AstrocyteContext context, String bankId, Permission permission,
            boolean claimOwnership) {
        boolean open = config.defaultPolicy() == AccessControlConfig.DefaultPolicy.OPEN;
        if (context == null) {
            boolean allowed = open && permission != Permission.ADMIN;
            return new AccessDecision(allowed, null, bankId, permission, Set.of(),
                    allowed ? "anonymous call under the open policy" : "no identity");
        }
        if (!config.enabled()) {
            return new AccessDecision(true, context.principal(), bankId, permission, Set.of(),
                    "access control is disabled");
        }
        if (claimOwnership && ownerOnly() && permission == Permission.WRITE && !conventions.isConventionBank(bankId)
                && reads.owner(bankId).isEmpty()) {
            // A bank written on someone's behalf belongs to them, not to the agent doing the writing.
            // Convention banks are never claimed: user-alice belongs to user:alice whoever writes first.
            ActorIdentity owner = context.onBehalfOf() != null ? context.onBehalfOf() : context.actor();
            reads.claimOwner(bankId, owner.grantKey());
        }
        Set<Permission> effective = permissions(context.actor(), bankId);
        if (context.onBehalfOf() != null) {
            effective.retainAll(permissions(context.onBehalfOf(), bankId));
        }
        if (effective.contains(permission)) {
            return new AccessDecision(true, context.principal(), bankId, permission, effective, "granted");
        }
        if (open && permission != Permission.ADMIN) {
            return new AccessDecision(true, context.principal(), bankId, permission, effective, "open policy");
        }
        String policy = config.defaultPolicy().name().toLowerCase(java.util.Locale.ROOT);
        String why = context.onBehalfOf() != null
                ? "no grant gives it to both " + context.actor().grantKey() + " and " + context.onBehalfOf().grantKey()
                : "no grant gives it under the " + policy + " policy";
        return new AccessDecision(false, context.principal(), bankId, permission, effective,
                why + "; " + grantHint(context, bankId, permission));
    }

    /** The grant (or grants, when acting for someone) that would allow the call, in config syntax. */
    private String grantHint(AstrocyteContext context, String bankId, Permission permission) {
        List<String> missing = new ArrayList<>();
        for (ActorIdentity who : context.onBehalfOf() == null ? List.of(context.actor())
                : List.of(context.actor(), context.onBehalfOf())) {
            if (!permissions(who, bankId).contains(permission)) {
                missing.add("{bank_id: \"" + bankId + "\", principal: \"" + who.grantKey() + "\", permissions: ["
                        + permission.wireName() + "]}");
            }
        }
        String owner = reads == null ? null : reads.owner(bankId).orElse(null);
        return "allow it with access_grants: [" + String.join(", ", missing) + "]"
                + " in the configuration, or Astrocyte.access().grant(...) by "
                + (owner != null ? "the bank's owner " + owner + " or " : "") + "an admin of the bank";
    }

    private boolean ownerOnly() {
        return config.defaultPolicy() == AccessControlConfig.DefaultPolicy.OWNER_ONLY && governance != null;
    }

    /** The permissions the grants (and, under owner_only, ownership) give this identity on the bank (no default policy applied). */
    public Set<Permission> permissions(ActorIdentity identity, String bankId) {
        List<String> keys = principalKeys(identity);
        Set<Permission> out = EnumSet.noneOf(Permission.class);
        if (ownerOnly() && (conventions.isConventionBankOf(identity, bankId)
                || reads.owner(bankId).map(identity.grantKey()::equals).orElse(false))) {
            out.addAll(EnumSet.allOf(Permission.class));
        }
        for (AccessGrant g : allGrants()) {
            for (String key : keys) {
                if (g.appliesTo(key, bankId)) {
                    out.addAll(g.permissions());
                }
            }
        }
        return out;
    }

    /** The grant keys an identity matches: its own and one per team in its claims. */
    static List<String> principalKeys(ActorIdentity identity) {
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
        return keys;
    }

    /** Configured, stored and runtime grants, in that order. */
    public List<AccessGrant> allGrants() {
        List<AccessGrant> all = new ArrayList<>(configGrants);
        if (reads != null) {
            all.addAll(reads.grants());
        }
        all.addAll(runtimeGrants);
        return all;
    }

    /** A stored grant was added or revoked through this instance: checks read the grants again. */
    void storedGrantsChanged() {
        if (reads != null) {
            reads.grantsChanged();
        }
    }

    List<AccessGrant> configGrants() {
        return configGrants;
    }

    List<AccessGrant> runtimeGrants() {
        return List.copyOf(runtimeGrants);
    }

    /** Adds in-memory grants (not persisted); duplicates are ignored. */
    void addRuntimeGrants(Collection<AccessGrant> grants) {
        for (AccessGrant g : grants) {
            if (!runtimeGrants.contains(g)) {
                runtimeGrants.add(g);
            }
        }
    }

    GovernanceStore governance() {
        return governance;
    }
}
