package io.astrocyte.store.memory;

import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.KeywordIndexContract;
import java.nio.file.Path;

class InMemoryKeywordIndexContractTest extends KeywordIndexContract {

    @Override
    protected VectorStore createStore(Path dir) {
        return new InMemoryVectorStore();
    }
}
