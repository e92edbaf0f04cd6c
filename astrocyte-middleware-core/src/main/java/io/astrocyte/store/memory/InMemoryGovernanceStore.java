package io.astrocyte.store.memory;

import io.astrocyte.api.LegalHold;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.store.GrantTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Governance state in the heap: for tests and short-lived agents; nothing survives the process. */
public final class InMemoryGovernanceStore implements GovernanceStore {

    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private GrantTable grants = GrantTable.EMPTY;
    private java.time.LocalDate quotaDay;
    private Map<String, Long> quotaUsage = Map.of();

    @Override
    public Optional<String> owner(String bankId) {
        return Optional.ofNullable(owners.get(bankId));
    }

    @Override
    public String claimOwner(String bankId, String principal) {
        return owners.computeIfAbsent(bankId, b -> principal);
    }

    @Override
    public synchronized List<AccessGrant> grants() {
        return grants.grants();
    }

    @Override
    public synchronized AccessGrant addGrant(AccessGrant grant) {
        grants = grants.plus(grant);
        return grants.find(grant).orElseThrow();
    }

    @Override
    public synchronized Optional<AccessGrant> removeGrant(AccessGrant grant) {
        grants = grants.minus(grant);
        return grants.find(grant);
    }

    @Override
    public synchronized Map<String, Long> quotaUsage(java.time.LocalDate day) {
        return day.equals(quotaDay) ? quotaUsage : Map.of();
    }

    @Override
    public synchronized void saveQuotaUsage(java.time.LocalDate day, Map<String, Long> usage) {
        quotaDay = day;
        quotaUsage = Map.copyOf(usage);
    }

    private final Map<String, List<LegalHold>> holds = new java.util.HashMap<>();

    @Override
    public synchronized List<LegalHold> legalHolds(String bankId) {
        return List.copyOf(holds.getOrDefault(bankId, List.of()));
    }

    @Override
    public synchronized LegalHold setLegalHold(LegalHold hold) {
        List<LegalHold> bank = holds.computeIfAbsent(hold.bankId(), b -> new java.util.ArrayList<>());
        for (LegalHold h : bank) {
            if (h.holdId().equals(hold.holdId())) {
                return h;
            }
        }
        bank.add(hold);
        return hold;
    }

    @Override
    public synchronized Optional<LegalHold> releaseLegalHold(String bankId, String holdId) {
        List<LegalHold> bank = holds.getOrDefault(bankId, List.of());
        for (LegalHold h : bank) {
            if (h.holdId().equals(holdId)) {
                bank.remove(h);
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    private Map<String, Map<String, Long>> bankCounters = Map.of();

    @Override
    public synchronized Map<String, Map<String, Long>> bankCounters() {
        return bankCounters;
    }

    @Override
    public synchronized void saveBankCounters(Map<String, Map<String, Long>> counters) {
        Map<String, Map<String, Long>> copy = new java.util.LinkedHashMap<>();
        counters.forEach((bank, c) -> copy.put(bank, Map.copyOf(c)));
        bankCounters = java.util.Collections.unmodifiableMap(copy);
    }
}
