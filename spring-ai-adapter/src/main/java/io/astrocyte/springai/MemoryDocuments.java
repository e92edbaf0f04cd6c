package io.astrocyte.springai;

import io.astrocyte.api.MemoryHit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ai.document.Document;

/** Turns recalled memories into Spring AI documents. */
final class MemoryDocuments {

    static final String MEMORY_ID = "memory_id";
    static final String BANK_ID = "bank_id";
    static final String FACT_TYPE = "fact_type";
    static final String OCCURRED_AT = "occurred_at";
    static final String TAGS = "tags";

    private MemoryDocuments() {
    }

    /** id = memory id, score = recall score, metadata = the memory's metadata plus its own fields. */
    static Document toDocument(MemoryHit hit) {
        Map<String, Object> metadata = new LinkedHashMap<>(hit.metadata());
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
        if (!hit.tags().isEmpty()) {
            metadata.put(TAGS, hit.tags());
        }
        Document.Builder b = Document.builder().text(hit.text()).metadata(metadata).score(hit.score());
        if (hit.memoryId() != null) {
            b.id(hit.memoryId());
        }
        return b.build();
    }
}
