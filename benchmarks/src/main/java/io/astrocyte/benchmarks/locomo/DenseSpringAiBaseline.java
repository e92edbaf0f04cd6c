package io.astrocyte.benchmarks.locomo;

import io.astrocyte.spi.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;

/** Baseline {@code dense-springai}: Spring AI's {@code SimpleVectorStore}, per conversation. */
final class DenseSpringAiBaseline implements RetrievalSystem {

    private final EmbeddingModel model;
    private final Map<String, SimpleVectorStore> stores = new HashMap<>();

    DenseSpringAiBaseline(Embedder embedder) {
        this.model = new EmbedderAsSpringModel(embedder);
    }

    @Override
    public String name() {
        return "dense-springai";
    }

    @Override
    public void index(LocomoDataset.Conversation c, LocomoDataset.Turn turn) {
        stores.computeIfAbsent(c.sampleId(), id -> SimpleVectorStore.builder(model).build())
                .add(List.of(new Document(c.sampleId() + "/" + turn.diaId(), turn.text(),
                        Map.of("dia_id", turn.diaId()))));
    }

    @Override
    public List<Ranked> search(LocomoDataset.Conversation c, String question, int depth) {
        List<Ranked> out = new ArrayList<>();
        for (Document d : stores.get(c.sampleId()).similaritySearch(SearchRequest.builder().query(question).topK(depth)
                .similarityThresholdAll().build())) {
            out.add(new Ranked((String) d.getMetadata().get("dia_id"), d.getText(), c.sampleId()));
        }
        return out;
    }

    /** The benchmark's embedder seen as a Spring AI {@link EmbeddingModel}, so every system shares it. */
    static final class EmbedderAsSpringModel implements EmbeddingModel {
        private final Embedder embedder;

        EmbedderAsSpringModel(Embedder embedder) {
            this.embedder = embedder;
        }

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            List<float[]> vectors = embedder.embed(request.getInstructions());
            List<Embedding> out = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                out.add(new Embedding(vectors.get(i), i));
            }
            return new EmbeddingResponse(out);
        }

        @Override
        public float[] embed(Document document) {
            return embedder.embed(document.getText());
        }

        @Override
        public int dimensions() {
            return embedder.dimension();
        }
    }
}
