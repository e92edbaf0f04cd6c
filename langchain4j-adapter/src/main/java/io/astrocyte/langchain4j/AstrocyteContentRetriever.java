package io.astrocyte.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.BoundMemory;
import io.astrocyte.integration.HitFields;
import io.astrocyte.integration.MemoryComponentBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A LangChain4j {@link ContentRetriever} over Astrocyte recall: each query is recalled on the banks of
 * the caller's binding, through the whole policy layer (access control, rate limits, token budget, DLP).
 * Each hit becomes a {@link Content} whose text segment carries {@value #MEMORY_ID}, {@value #BANK_ID},
 * {@value #FACT_TYPE}, {@value #OCCURRED_AT} and {@value #SCORE}, with {@link ContentMetadata#SCORE} and
 * {@link ContentMetadata#EMBEDDING_ID} (the memory id) set.
 *
 * <pre>{@code
 * ContentRetriever memory = AstrocyteContentRetriever.builder(brain)
 *         .resolver(MemoryBindingResolver.conversationIdAsUser("user-")).maxResults(5).build();
 * Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).contentRetriever(memory).build();
 * }</pre>
 *
 * <p>Whose memory: see {@link LangChain4jBindings}. A call nobody can bind fails with
 * {@link io.astrocyte.AuthorizationException}.
 */
public final class AstrocyteContentRetriever implements ContentRetriever {

    public static final String MEMORY_ID = HitFields.MEMORY_ID;
    public static final String BANK_ID = HitFields.BANK_ID;
    public static final String FACT_TYPE = HitFields.FACT_TYPE;
    public static final String OCCURRED_AT = HitFields.OCCURRED_AT;
    public static final String SCORE = HitFields.SCORE;

    private final MemoryComponentBuilder.Settings shared;
    private final LangChain4jBindings bindings;

    private AstrocyteContentRetriever(MemoryComponentBuilder.Settings shared) {
        this.shared = shared;
        this.bindings = LangChain4jBindings.of(shared.binding(), shared.resolver());
    }

    /** Settings: binding or resolver, {@code maxResults} (default 5), {@code maxTokens}. */
    public static MemoryComponentBuilder.Of<AstrocyteContentRetriever> builder(Astrocyte brain) {
        return new MemoryComponentBuilder.Of<>(brain, 5, AstrocyteContentRetriever::new);
    }

    @Override
    public List<Content> retrieve(Query query) {
        dev.langchain4j.rag.query.Metadata meta = query.metadata();
        ResolvedMemoryBinding binding = meta == null ? bindings.resolve(null, null)
                : bindings.resolve(meta.chatMemoryId(), meta.invocationParameters());
        return recall(binding, query.text());
    }

    /** Recalls {@code text} for {@code binding} and converts the hits. */
    List<Content> recall(ResolvedMemoryBinding binding, String text) {
        List<Content> out = new ArrayList<>();
        BoundMemory memory = new BoundMemory(shared.brain(), binding);
        for (MemoryHit hit : memory.recall(text, shared.maxResults(), shared.maxTokens()).hits()) {
            out.add(toContent(hit));
        }
        return out;
    }

    static Content toContent(MemoryHit hit) {
        Metadata metadata = new Metadata();
        HitFields.of(hit).forEach(metadata::put);
        metadata.put(SCORE, hit.score());
        java.util.Map<ContentMetadata, Object> contentMetadata = new java.util.EnumMap<>(ContentMetadata.class);
        contentMetadata.put(ContentMetadata.SCORE, hit.score());
        if (hit.memoryId() != null) {
            contentMetadata.put(ContentMetadata.EMBEDDING_ID, hit.memoryId());
        }
        return Content.from(TextSegment.from(hit.text(), metadata), contentMetadata);
    }
}
