package io.astrocyte;

import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.store.memory.InMemoryVectorStore;

/** Facade instances over the in-memory store and the deterministic hashing embedder. */
final class TestBrains {

    private TestBrains() {
    }

    static Astrocyte inMemory() {
        return inMemory(AstrocyteConfig.defaultConfig());
    }

    static Astrocyte inMemory(AstrocyteConfig config) {
        return Astrocyte.builder().config(config).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(256)).build();
    }
}
