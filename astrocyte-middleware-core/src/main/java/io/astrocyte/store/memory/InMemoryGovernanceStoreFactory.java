package io.astrocyte.store.memory;

import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.ProviderFactory;
import java.util.Map;

/** In-memory governance state; used only when the vector store is {@code in_memory} too. */
public final class InMemoryGovernanceStoreFactory implements ProviderFactory.ForGovernanceStore {

    @Override
    public String name() {
        return "in_memory";
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public GovernanceStore create(Map<String, Object> config) {
        return new InMemoryGovernanceStore();
    }
}
