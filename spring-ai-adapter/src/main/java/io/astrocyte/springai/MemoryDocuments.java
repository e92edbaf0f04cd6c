package io.astrocyte.springai;

import io.astrocyte.integration.HitFields;
import io.astrocyte.api.MemoryHit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ai.document.Document;

/** Turns recalled memories into Spring AI documents. */
final class MemoryDocuments {

    private MemoryDocuments() {
    }

    /** id = memory id, score = recall score, metadata = the memory's metadata plus its own fields. */
    static Document toDocument(MemoryHit hit) {
        Map<String, Object> metadata = new LinkedHashMap<>(hit.metadata());
        metadata.putAll(HitFields.of(hit));
        if (!hit.tags().isEmpty()) {
            metadata.put(HitFields.TAGS, hit.tags());
        }
        Document.Builder b = Document.builder().text(hit.text()).metadata(metadata).score(hit.score());
        if (hit.memoryId() != null) {
            b.id(hit.memoryId());
        }
        return b.build();
    }
}
