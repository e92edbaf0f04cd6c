package io.astrocyte.store.memory;

import io.astrocyte.spi.ProviderFactory;
import io.astrocyte.spi.VectorStore;
import java.util.Map;

/** {@code vector_store: in_memory}. Never picked unless named, because it forgets everything on exit. */
public final class InMemoryVectorStoreFactory implements ProviderFactory.ForVectorStore {

    @Override
    public String name() {
        return "in_memory";
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public VectorStore create(Map<String, Object> config) {
        return new InMemoryVectorStore();
    }
}
