package io.astrocyte.store.memory;

import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.contract.GovernanceStoreContract;

class InMemoryGovernanceStoreContractTest extends GovernanceStoreContract {

    @Override
    protected GovernanceStore open() {
        return new InMemoryGovernanceStore();
    }

    @Override
    protected boolean durable() {
        return false;
    }
}
