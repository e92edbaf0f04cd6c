package io.astrocyte.embedded;

import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.VectorStoreContract;
import java.nio.file.Path;

/** The Lucene store against the SPI contract, on its exact-search path. */
class LuceneVectorStoreContractTest extends VectorStoreContract {

    @Override
    protected VectorStore createStore(Path dir) {
        return LuceneVectorStore.open(dir, 64, "hashing-64");
    }
}
