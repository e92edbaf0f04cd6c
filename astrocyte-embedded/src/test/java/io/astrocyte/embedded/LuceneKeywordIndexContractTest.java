package io.astrocyte.embedded;

import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.KeywordIndexContract;
import java.nio.file.Path;

class LuceneKeywordIndexContractTest extends KeywordIndexContract {

    @Override
    protected VectorStore createStore(Path dir) {
        return LuceneVectorStore.open(dir, 64, "hashing-64");
    }
}
