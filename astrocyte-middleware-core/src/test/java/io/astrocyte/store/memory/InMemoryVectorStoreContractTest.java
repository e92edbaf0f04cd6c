package io.astrocyte.store.memory;

import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.VectorStoreContract;
import java.nio.file.Path;

class InMemoryVectorStoreContractTest extends VectorStoreContract {

    @Override
    protected VectorStore createStore(Path dir) {
        return new InMemoryVectorStore();
    }
}
