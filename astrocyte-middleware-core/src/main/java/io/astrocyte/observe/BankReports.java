package io.astrocyte.observe;

import io.astrocyte.api.BankHealth;
import io.astrocyte.api.BankIds;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;
import io.astrocyte.policy.escalation.StoreCalls;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorStore;
import java.util.List;

/**
 * What a caller with {@code read} may learn about banks besides their memories: health (SPEC §6.7) of one bank
 * or of every bank it may read, and how many memories a bank holds; and the store's own health.
 */
public final class BankReports {

    private final BankStatistics statistics;
    private final AccessController access;
    private final VectorStore store;
    private final StoreCalls calls;

    public BankReports(BankStatistics statistics, AccessController access, VectorStore store, StoreCalls calls) {
        this.statistics = statistics;
        this.access = access;
        this.store = store;
        this.calls = calls;
    }

    public BankHealth health(String bankId, AstrocyteContext context) {
        BankIds.require("bank_id", bankId);
        access.check(context, bankId, Permission.READ);
        return statistics.health(bankId);
    }

    public List<BankHealth> all(AstrocyteContext context) {
        return statistics.banks().stream().filter(b -> access.decide(context, b, Permission.READ).allowed())
                .map(statistics::health).toList();
    }

    /** The store's health; a store that throws is reported down with what it threw. */
    public io.astrocyte.spi.HealthStatus storeHealth() {
        try {
            return store.health();
        } catch (RuntimeException e) {
            return io.astrocyte.spi.HealthStatus.down(store.name() + ": " + e);
        }
    }

    /** Live (not forgotten) memories of the bank, archived ones included. */
    public long memoryCount(String bankId, AstrocyteContext context) {
        BankIds.require("bank_id", bankId);
        access.check(context, bankId, Permission.READ);
        return calls.call(() -> store.count(bankId, VectorFilters.none().withIncludeArchived(true)));
    }
}
