package io.astrocyte.store.memory;

import io.astrocyte.spi.GovernanceStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Governance state in the heap: for tests and short-lived agents; nothing survives the process. */
public final class InMemoryGovernanceStore implements GovernanceStore {

    private final Map<String, String> owners = new ConcurrentHashMap<>();

    @Override
    public Optional<String> owner(String bankId) {
        return Optional.ofNullable(owners.get(bankId));
    }

    @Override
    public String claimOwner(String bankId, String principal) {
        return owners.computeIfAbsent(bankId, b -> principal);
    }
}
