package io.astrocyte.identity;

import io.astrocyte.spi.GovernanceStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What access checks read from the governance store, cached where that stays correct, so a check costs no round
 * trip to a shared database in the common case. An owner never changes once claimed (the first claim wins for
 * good), so known owners are kept (up to {@link #MAX_OWNERS}, least recently used dropped); "no owner yet" is never
 * kept, as another replica may claim at any moment. Stored grants are reused for {@code grantCacheMillis}; a change
 * made through this instance drops them at once.
 */
final class GovernanceReads {

    static final int MAX_OWNERS = 50_000;

    private final GovernanceStore store;
    private final long grantCacheNanos;
    private final Map<String, String> owners = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_OWNERS;
        }
    };
    private volatile List<AccessGrant> grants;
    private volatile long grantsReadAt;

    GovernanceReads(GovernanceStore store, long grantCacheMillis) {
        this.store = store;
        this.grantCacheNanos = grantCacheMillis * 1_000_000L;
    }

    Optional<String> owner(String bankId) {
        synchronized (owners) {
            String known = owners.get(bankId);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<String> stored = store.owner(bankId);
        stored.ifPresent(o -> remember(bankId, o));
        return stored;
    }

    String claimOwner(String bankId, String principal) {
        String winner = store.claimOwner(bankId, principal);
        remember(bankId, winner);
        return winner;
    }

    List<AccessGrant> grants() {
        List<AccessGrant> g = grants;
        if (g != null && System.nanoTime() - grantsReadAt < grantCacheNanos) {
            return g;
        }
        g = List.copyOf(store.grants());
        grants = g;
        grantsReadAt = System.nanoTime();
        return g;
    }

    /** A grant changed through this instance: read them again on the next check. */
    void grantsChanged() {
        grants = null;
    }

    private void remember(String bankId, String owner) {
        synchronized (owners) {
            owners.put(bankId, owner);
        }
    }
}
