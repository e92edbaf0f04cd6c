package io.astrocyte.embedded;

import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.VectorStoreContract;
import java.nio.file.Path;

/** The Lucene store against the SPI contract with exact search switched off, so every search uses HNSW. */
class LuceneHnswVectorStoreContractTest extends VectorStoreContract {

    @Override
    protected VectorStore createStore(Path dir) {
        return LuceneVectorStore.open(dir, 64, "hashing-64", 0);
    }
}
