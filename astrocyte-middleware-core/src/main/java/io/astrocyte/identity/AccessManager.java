package io.astrocyte.identity;

import io.astrocyte.AuthorizationException;
import io.astrocyte.CapabilityNotSupportedException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.BankIds;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.spi.GovernanceStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The grant / revoke / list / check API of SPEC §2.3, reached through {@code Astrocyte.access()}.
 *
 * <p>Granted permissions are stored in the {@link GovernanceStore} (a file in the data folder for the
 * embedded default) and apply from the next call on, next to the grants of the configuration, which this
 * API shows but cannot change. Changing grants needs {@code admin}: on the bank for a grant on one bank,
 * and on every bank (a grant on bank {@code *}) for a grant on a bank pattern such as {@code shared-*}.
 */
public final class AccessManager {

    /** Where a grant comes from. */
    public enum Source {
        /** {@code access_grants}, {@code banks.<id>.access} or {@code agents}: fixed until the config changes. */
        CONFIG,
        /** Made through {@link #grant}; durable in the governance store. */
        STORED,
        /** Added by trusted code (e.g. the agent-card resolver) for this process only. */
        RUNTIME
    }

    /** A grant and where it comes from. */
    public record GrantEntry(AccessGrant grant, Source source) {
    }

    private final AccessController controller;
    private final GrantAccessController grants;
    private final GovernanceStore governance;
    private final AstrocyteConfig config;
    private final BankResolver bankResolver;
    private final io.astrocyte.audit.AuditRecorder trail;

    /**
     * @param controller the access check in force (may combine grants with an external policy)
     * @param grants     the grant tables; {@code null} when the application replaced access control entirely
     * @param trail      where grant changes are recorded ({@code access.grant_changed})
     */
    public AccessManager(AccessController controller, GrantAccessController grants, GovernanceStore governance,
            AstrocyteConfig config, io.astrocyte.audit.AuditRecorder trail) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.controller = Objects.requireNonNull(controller, "controller");
        this.grants = grants;
        this.governance = governance;
        this.config = Objects.requireNonNull(config, "config");
        this.bankResolver = new BankResolver(config.identity());
    }

    /**
     * Adds the grant's permissions for its principal on its bank, durably.
     *
     * @return the stored grant for that (bank, principal) pair afterwards
     * @throws io.astrocyte.AccessDeniedException   {@code by} lacks {@code admin} (see the class comment)
     * @throws InvalidRequestException              the grant names no permission or a malformed bank
     * @throws CapabilityNotSupportedException      there is no governance store to keep grants in
     */
    public AccessGrant grant(AccessGrant grant, AstrocyteContext by) {
        requireAdmin(grant, by);
        if (grant.permissions().isEmpty()) {
            throw new InvalidRequestException("permissions", "name at least one permission");
        }
        AccessGrant stored = store().addGrant(grant);
        if (grants != null) {
            grants.storedGrantsChanged();
        }
        audit("grant", grant, by, stored.permissions());
        return stored;
    }

    /**
     * Removes the grant's permissions from the stored grant with the same bank and principal patterns.
     * Grants from the configuration are untouched: edit the configuration to change them.
     *
     * @return what is left of the stored grant, empty when nothing is
     */
    public Optional<AccessGrant> revoke(AccessGrant grant, AstrocyteContext by) {
        requireAdmin(grant, by);
        Optional<AccessGrant> left = store().removeGrant(grant);
        if (grants != null) {
            grants.storedGrantsChanged();
        }
        audit("revoke", grant, by, left.map(AccessGrant::permissions).orElse(java.util.Set.of()));
        return left;
    }

    private static final org.slf4j.Logger AUDIT = org.slf4j.LoggerFactory.getLogger("astrocyte.audit.access");

    private void audit(String change, AccessGrant grant, AstrocyteContext by, java.util.Set<Permission> now) {
        AUDIT.info("access.grant_changed change={} bank={} principal={} permissions={} now={} by={}", change,
                grant.bank().pattern(), grant.principal().pattern(), names(grant.permissions()), names(now),
                by.principal());
        trail.record("access.grant_changed", grant.bank().pattern(), by, List.of(), null, java.util.Map.of(
                "change", change, "principal", grant.principal().pattern(),
                "permissions", String.join(",", names(grant.permissions())), "now", String.join(",", names(now))));
    }

    private static List<String> names(java.util.Set<Permission> perms) {
        return java.util.Arrays.stream(Permission.values()).filter(perms::contains).map(Permission::wireName).toList();
    }

    /**
     * Every grant that applies to the bank (its bank pattern matches), with its source.
     *
     * @throws io.astrocyte.AccessDeniedException {@code by} lacks {@code admin} on the bank
     */
    public List<GrantEntry> grants(String bankId, AstrocyteContext by) {
        BankIds.require("bank_id", bankId);
        controller.check(by, bankId, Permission.ADMIN);
        List<GrantEntry> out = new ArrayList<>();
        if (grants == null) {
            return out;
        }
        for (AccessGrant g : grants.configGrants()) {
            if (g.bank().matches(bankId)) {
                out.add(new GrantEntry(g, Source.CONFIG));
            }
        }
        if (governance != null) {
            for (AccessGrant g : governance.grants()) {
                if (g.bank().matches(bankId)) {
                    out.add(new GrantEntry(g, Source.STORED));
                }
            }
        }
        for (AccessGrant g : grants.runtimeGrants()) {
            if (g.bank().matches(bankId)) {
                out.add(new GrantEntry(g, Source.RUNTIME));
            }
        }
        return out;
    }

    /**
     * Whether {@code subject} may use {@code permission} on the bank, with the reason, exactly as a memory
     * call would be decided but without side effects (no {@code owner_only} claim).
     */
    public AccessDecision check(AstrocyteContext subject, String bankId, Permission permission) {
        BankIds.require("bank_id", bankId);
        Objects.requireNonNull(permission, "permission");
        return controller.decide(subject, bankId, permission);
    }

    /**
     * The banks {@code subject} may read, sorted (SPEC §2.4 {@code auto_resolve_banks}): the literal banks
     * of all grants and the declared banks, or the subject's convention bank ({@code user-<id>} …) when
     * there are none, kept when a read would be allowed.
     */
    public List<String> readableBanks(AstrocyteContext subject) {
        if (subject == null) {
            throw new AuthorizationException("resolving banks needs an identity: pass an AstrocyteContext");
        }
        TreeSet<String> candidates = new TreeSet<>(config.banks().keySet());
        if (grants != null) {
            for (AccessGrant g : grants.allGrants()) {
                String bank = g.bank().pattern();
                if (bank.indexOf('*') < 0 && BankIds.isValid(bank)) {
                    candidates.add(bank);
                }
            }
        }
        if (candidates.isEmpty()) {
            candidates.add(bankResolver.derive(subject.onBehalfOf() != null ? subject.onBehalfOf() : subject.actor()));
        }
        List<String> readable = new ArrayList<>();
        for (String bank : candidates) {
            if (controller.decide(subject, bank, Permission.READ).allowed()) {
                readable.add(bank);
            }
        }
        return readable;
    }

    /** The convention bank of an identity ({@code user-<id>}, {@code agent-<id>}, …). */
    public String conventionBank(ActorIdentity actor) {
        return bankResolver.derive(actor);
    }

    /**
     * Adds grants for this process only, without an admin check: for trusted wiring code such as the
     * agent-card resolver, whose grants derive from configuration on every start.
     */
    public void addRuntimeGrants(Collection<AccessGrant> runtime) {
        if (grants == null) {
            throw new CapabilityNotSupportedException("the application-supplied access controller",
                    "runtime grants (they need the built-in grant controller)");
        }
        grants.addRuntimeGrants(runtime);
    }

    private void requireAdmin(AccessGrant grant, AstrocyteContext by) {
        Objects.requireNonNull(grant, "grant");
        String bank = grant.bank().pattern();
        if (bank.indexOf('*') < 0) {
            BankIds.require("bank_id", bank);
            controller.check(by, bank, Permission.ADMIN);
        } else {
            controller.check(by, "*", Permission.ADMIN);
        }
    }

    private GovernanceStore store() {
        if (governance == null) {
            throw new CapabilityNotSupportedException("this instance",
                    "stored grants without a governance store (enable access_control, or pass "
                            + "Astrocyte.builder().governanceStore(...))");
        }
        return governance;
    }
}
