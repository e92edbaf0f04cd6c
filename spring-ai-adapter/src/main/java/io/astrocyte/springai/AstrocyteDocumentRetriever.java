package io.astrocyte.springai;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.tools.MemoryComponentBuilder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;

/**
 * A Spring AI {@link DocumentRetriever} over Astrocyte recall, for {@code RetrievalAugmentationAdvisor}.
 * The advisor passes the {@code ChatClient} request context as {@link Query#context()}, so the binding
 * comes from {@code chat_memory_conversation_id} and the {@code astrocyte.*} advisor parameters (see
 * {@link io.astrocyte.identity.BindingChain}). Each document's id is the memory id, its score the recall
 * score, and its metadata carries {@code memory_id}, {@code bank_id}, {@code fact_type},
 * {@code occurred_at} and {@code tags}.
 */
public final class AstrocyteDocumentRetriever implements DocumentRetriever {

    private final Astrocyte brain;
    private final SpringAiBindings bindings;
    private final int maxResults;
    private final Integer maxTokens;

    private AstrocyteDocumentRetriever(Builder b) {
        this.brain = b.shared.brain();
        this.bindings = new SpringAiBindings(b.shared.binding(), b.shared.resolver());
        this.maxResults = b.shared.maxResults();
        this.maxTokens = b.maxTokens;
    }

    public static Builder builder(Astrocyte brain) {
        return new Builder(brain);
    }

    @Override
    public List<Document> retrieve(Query query) {
        ResolvedMemoryBinding b = bindings.resolve(query.context());
        List<Document> out = new ArrayList<>();
        for (MemoryHit hit : brain.recall(RecallRequest.builder(query.text()).banks(b.readBanks())
                .strategy(b.strategy()).maxResults(maxResults).maxTokens(maxTokens).build(), b.context()).hits()) {
            out.add(MemoryDocuments.toDocument(hit));
        }
        return out;
    }

    /** Settings of an {@link AstrocyteDocumentRetriever}. */
    public static final class Builder extends MemoryComponentBuilder<Builder> {
        private Integer maxTokens;

        private Builder(Astrocyte brain) {
            super(brain, 5);
        }

        private Settings shared;

        /** Token budget of the documents of one query; {@code null} uses {@code recall_max_tokens}. */
        public Builder maxTokens(Integer value) {
            this.maxTokens = positiveOrNull(value, "maxTokens");
            return this;
        }

        public AstrocyteDocumentRetriever build() {
            shared = settings();
            return new AstrocyteDocumentRetriever(this);
        }
    }
}
