package io.astrocyte.benchmarks.locomo;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.astrocyte.spi.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Baseline {@code dense-lc4j}: LangChain4j's {@code InMemoryEmbeddingStore}, exact cosine, per conversation. */
final class DenseLangChain4jBaseline implements RetrievalSystem {

    private final Embedder embedder;
    private final Map<String, InMemoryEmbeddingStore<TextSegment>> stores = new HashMap<>();

    DenseLangChain4jBaseline(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "dense-lc4j";
    }

    @Override
    public void index(LocomoDataset.Conversation c, LocomoDataset.Turn turn) {
        stores.computeIfAbsent(c.sampleId(), id -> new InMemoryEmbeddingStore<>())
                .add(Embedding.from(embedder.embed(turn.text())),
                        TextSegment.from(turn.text(), Metadata.from("dia_id", turn.diaId())));
    }

    @Override
    public List<Ranked> search(LocomoDataset.Conversation c, String question, int depth) {
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(embedder.embed(question))).maxResults(depth).minScore(0.0).build();
        List<Ranked> out = new ArrayList<>();
        for (EmbeddingMatch<TextSegment> m : stores.get(c.sampleId()).search(request).matches()) {
            out.add(new Ranked(m.embedded().metadata().getString("dia_id"), m.embedded().text(), c.sampleId()));
        }
        return out;
    }
}
