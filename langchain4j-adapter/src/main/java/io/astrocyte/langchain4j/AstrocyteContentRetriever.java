package io.astrocyte.langchain4j;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.tools.MemoryComponentBuilder;
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
 * <p>Whose memory: see {@link BindingChain}. A call nobody can bind fails with
 * {@link io.astrocyte.AuthorizationException}.
 */
public final class AstrocyteContentRetriever implements ContentRetriever {

    public static final String MEMORY_ID = "memory_id";
    public static final String BANK_ID = "bank_id";
    public static final String FACT_TYPE = "fact_type";
    public static final String OCCURRED_AT = "occurred_at";
    public static final String SCORE = "score";

    private final Astrocyte brain;
    private final BindingChain bindings;
    private final int maxResults;
    private final Integer maxTokens;

    private AstrocyteContentRetriever(Builder b) {
        this.brain = b.shared.brain();
        this.bindings = BindingChain.of(b.shared.binding(), b.shared.resolver());
        this.maxResults = b.shared.maxResults();
        this.maxTokens = b.maxTokens;
    }

    public static Builder builder(Astrocyte brain) {
        return new Builder(brain);
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
        RecallRequest request = RecallRequest.builder(text).banks(binding.readBanks()).strategy(binding.strategy())
                .maxResults(maxResults).maxTokens(maxTokens).build();
        List<Content> out = new ArrayList<>();
        for (MemoryHit hit : brain.recall(request, binding.context()).hits()) {
            out.add(toContent(hit));
        }
        return out;
    }

    static Content toContent(MemoryHit hit) {
        Metadata metadata = new Metadata();
        if (hit.memoryId() != null) {
            metadata.put(MEMORY_ID, hit.memoryId());
        }
        if (hit.bankId() != null) {
            metadata.put(BANK_ID, hit.bankId());
        }
        if (hit.factType() != null) {
            metadata.put(FACT_TYPE, hit.factType());
        }
        if (hit.occurredAt() != null) {
            metadata.put(OCCURRED_AT, hit.occurredAt().toString());
        }
        metadata.put(SCORE, hit.score());
        java.util.Map<ContentMetadata, Object> contentMetadata = new java.util.EnumMap<>(ContentMetadata.class);
        contentMetadata.put(ContentMetadata.SCORE, hit.score());
        if (hit.memoryId() != null) {
            contentMetadata.put(ContentMetadata.EMBEDDING_ID, hit.memoryId());
        }
        return Content.from(TextSegment.from(hit.text(), metadata), contentMetadata);
    }

    /** Settings of an {@link AstrocyteContentRetriever}. */
    public static final class Builder extends MemoryComponentBuilder<Builder> {
        private Integer maxTokens;

        private Builder(Astrocyte brain) {
            super(brain, 5);
        }

        private Settings shared;

        /** Token budget for the hits of one query; {@code null} (default) uses {@code recall_max_tokens}. */
        public Builder maxTokens(Integer value) {
            this.maxTokens = positiveOrNull(value, "maxTokens");
            return this;
        }

        public AstrocyteContentRetriever build() {
            shared = settings();
            return new AstrocyteContentRetriever(this);
        }
    }
}
