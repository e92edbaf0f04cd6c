package io.astrocyte.embedded;

import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.LifecycleContract;
import java.nio.file.Path;

/** Lifecycle over the embedded Lucene store: archive as a doc value, recall statistics through the translog. */
class LuceneLifecycleContractTest extends LifecycleContract {

    @Override
    protected VectorStore createStore(Path dir) {
        return LuceneVectorStore.open(dir, 64, "hashing-64");
    }
}
