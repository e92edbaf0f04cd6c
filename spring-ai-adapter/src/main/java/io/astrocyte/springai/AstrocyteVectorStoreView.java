package io.astrocyte.springai;

import io.astrocyte.integration.HitFields;

import io.astrocyte.Astrocyte;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.ai.vectorstore.filter.Filter;

/**
 * A Spring AI {@link VectorStore} view of one identity's memory, for code written against
 * {@code VectorStore}: {@code add} retains, {@code similaritySearch} recalls, {@code delete} forgets — all
 * through the policy layer, on the banks of the binding it was made for. It is not a general vector store:
 *
 * <ul>
 *   <li>{@code add} retains each document's text; metadata {@code tags} (a list), {@code fact_type} and
 *       {@code occurred_at} become those fields, the remaining scalar metadata is kept. Astrocyte assigns
 *       memory ids; the document's own id is kept as metadata {@code document_id}. A document that is not
 *       stored (validation, duplicate, …) fails the call with the reason.</li>
 *   <li>{@code similaritySearch} returns documents whose id is the memory id; filter expressions are
 *       translated as {@link FilterTranslation} describes; {@code similarityThreshold} applies to the recall
 *       score.</li>
 *   <li>{@code delete(ids)} takes memory ids; {@code delete(filter)} accepts tags ({@code ==}/{@code in}) or
 *       {@code occurred_at < t}.</li>
 * </ul>
 */
public final class AstrocyteVectorStoreView implements VectorStore {

    /** Metadata key that keeps the id a document had when it was added. */
    public static final String DOCUMENT_ID = "document_id";

    private final Astrocyte brain;
    private final ResolvedMemoryBinding binding;

    public AstrocyteVectorStoreView(Astrocyte brain, ResolvedMemoryBinding binding) {
        this.brain = Objects.requireNonNull(brain, "brain");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    @Override
    public String getName() {
        return "astrocyte:" + binding.defaultBank();
    }

    @Override
    public void add(List<Document> documents) {
        for (Document d : documents) {
            if (d.getText() == null) {
                throw new InvalidRequestException("document", "only text documents can be retained (" + d.getId()
                        + ")");
            }
            Map<String, Object> metadata = new LinkedHashMap<>(d.getMetadata());
            RetainRequest.Builder r = RetainRequest.builder(binding.defaultBank(), d.getText());
            Object tags = metadata.remove(HitFields.TAGS);
            if (tags != null) {
                r.tags(FilterTranslation.strings(tags));
            }
            Object factType = metadata.remove(HitFields.FACT_TYPE);
            if (factType != null) {
                r.factType(factType.toString());
            }
            Object occurred = metadata.remove(HitFields.OCCURRED_AT);
            if (occurred != null) {
                r.occurredAt(FilterTranslation.instant(occurred));
            }
            metadata.remove(HitFields.MEMORY_ID);
            metadata.remove(HitFields.BANK_ID);
            if (d.getId() != null) {
                metadata.put(DOCUMENT_ID, d.getId());
            }
            RetainResult result = brain.retain(r.metadata(metadata).build(), binding.context());
            if (!result.stored() && !result.deduplicated()) {
                throw new InvalidRequestException("document", "document " + d.getId() + " not stored: "
                        + result.error());
            }
        }
    }

    @Override
    public List<Document> similaritySearch(SearchRequest request) {
        FilterTranslation.Criteria c = FilterTranslation.translate(request.getFilterExpression());
        RecallRequest.Builder recall = RecallRequest.builder(request.getQuery()).banks(binding.readBanks())
                .strategy(binding.strategy()).maxResults(request.getTopK()).timeRange(c.timeRange());
        if (c.tags() != null) {
            recall.tags(c.tags());
        }
        if (c.factTypes() != null) {
            recall.factTypes(c.factTypes());
        }
        if (!c.metadata().isEmpty()) {
            recall.metadataFilters(c.metadata());
        }
        List<Document> out = new ArrayList<>();
        for (MemoryHit hit : brain.recall(recall.build(), binding.context()).hits()) {
            if (hit.score() >= request.getSimilarityThreshold()) {
                out.add(MemoryDocuments.toDocument(hit));
            }
        }
        return out;
    }

    @Override
    public void delete(List<String> memoryIds) {
        brain.forget(ForgetRequest.byIds(binding.defaultBank(), memoryIds), binding.context());
    }

    @Override
    public void delete(Filter.Expression filter) {
        FilterTranslation.Criteria c = FilterTranslation.translate(filter);
        boolean onlyTags = c.tags() != null && c.factTypes() == null && c.from() == null && c.to() == null
                && c.metadata().isEmpty();
        boolean onlyBefore = c.tags() == null && c.factTypes() == null && c.from() == null && c.to() != null
                && c.metadata().isEmpty();
        if (onlyTags) {
            brain.forget(ForgetRequest.byTags(binding.defaultBank(), c.tags()), binding.context());
        } else if (onlyBefore) {
            brain.forget(ForgetRequest.before(binding.defaultBank(), c.to()), binding.context());
        } else {
            throw FilterTranslation.unsupported("delete filter " + filter + " (tags, or occurred_at before a time)");
        }
    }
}
