package io.astrocyte.springai;

import io.astrocyte.integration.BoundMemory;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.MemoryComponentBuilder;
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

    private final MemoryComponentBuilder.Settings shared;
    private final SpringAiBindings bindings;

    private AstrocyteDocumentRetriever(MemoryComponentBuilder.Settings shared) {
        this.shared = shared;
        this.bindings = new SpringAiBindings(shared.binding(), shared.resolver());
    }

    /** Settings: binding or resolver, {@code maxResults} (default 5), {@code maxTokens}. */
    public static MemoryComponentBuilder.Of<AstrocyteDocumentRetriever> builder(Astrocyte brain) {
        return new MemoryComponentBuilder.Of<>(brain, 5, AstrocyteDocumentRetriever::new);
    }

    @Override
    public List<Document> retrieve(Query query) {
        ResolvedMemoryBinding b = bindings.resolve(query.context());
        List<Document> out = new ArrayList<>();
        BoundMemory memory = new BoundMemory(shared.brain(), b);
        for (MemoryHit hit : memory.recall(query.text(), shared.maxResults(), shared.maxTokens()).hits()) {
            out.add(MemoryDocuments.toDocument(hit));
        }
        return out;
    }
}
