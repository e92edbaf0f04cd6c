package io.astrocyte.store;

import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.Permission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable list of stored grants keyed by (bank pattern, principal pattern), shared by the governance
 * stores so that they all merge and subtract permissions the same way. Each change returns a new table,
 * which lets a store persist the new state before making it visible.
 */
public record GrantTable(List<AccessGrant> grants) {

    public static final GrantTable EMPTY = new GrantTable(List.of());

    public GrantTable {
        grants = List.copyOf(grants);
    }

    /** The stored grant with the same patterns as {@code key}, if any. */
    public Optional<AccessGrant> find(AccessGrant key) {
        return grants.stream().filter(g -> samePatterns(g, key)).findFirst();
    }

    /** This table with the grant's permissions added to its (bank, principal) entry. */
    public GrantTable plus(AccessGrant grant) {
        List<AccessGrant> next = new ArrayList<>(grants);
        for (int i = 0; i < next.size(); i++) {
            if (samePatterns(next.get(i), grant)) {
                Set<Permission> union = EnumSet.noneOf(Permission.class);
                union.addAll(next.get(i).permissions());
                union.addAll(grant.permissions());
                next.set(i, new AccessGrant(grant.bank(), grant.principal(), union));
                return new GrantTable(next);
            }
        }
        next.add(grant);
        return new GrantTable(next);
    }

    /** This table with the grant's permissions taken from its (bank, principal) entry; empty entries go. */
    public GrantTable minus(AccessGrant grant) {
        List<AccessGrant> next = new ArrayList<>(grants.size());
        for (AccessGrant g : grants) {
            if (!samePatterns(g, grant)) {
                next.add(g);
                continue;
            }
            Set<Permission> left = EnumSet.noneOf(Permission.class);
            left.addAll(g.permissions());
            left.removeAll(grant.permissions());
            if (!left.isEmpty()) {
                next.add(new AccessGrant(g.bank(), g.principal(), left));
            }
        }
        return new GrantTable(next);
    }

    private static boolean samePatterns(AccessGrant a, AccessGrant b) {
        return a.bank().equals(b.bank()) && a.principal().equals(b.principal());
    }
}
