package io.astrocyte.store.memory;

import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.LifecycleContract;
import java.nio.file.Path;

class InMemoryLifecycleContractTest extends LifecycleContract {

    @Override
    protected VectorStore createStore(Path dir) {
        return new InMemoryVectorStore();
    }
}
