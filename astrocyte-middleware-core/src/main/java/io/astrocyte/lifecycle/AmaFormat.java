package io.astrocyte.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.spi.VectorItem;
import java.time.Instant;
import java.util.Map;

/**
 * The AMA JSONL layout of SPEC §1.8: a header line {@code {"_ama_version": 1, "bank_id", "exported_at",
 * "provider", "memory_count"}} and one memory object per line; {@code null}s are omitted.
 */
final class AmaFormat {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final int VERSION = 1;
    /** Metadata key that keeps an imported memory's id in its source bank, for conflict detection. */
    static final String ORIGINAL_ID_KEY = "ama_original_id";
    /** Metadata key that keeps an imported memory's original {@code created_at}. */
    static final String ORIGINAL_CREATED_KEY = "ama_created_at";

    private AmaFormat() {
    }

    static ObjectNode header(String bankId, Instant exportedAt, String provider, long count) {
        ObjectNode h = JSON.createObjectNode();
        h.put("_ama_version", VERSION);
        h.put("bank_id", bankId);
        h.put("exported_at", exportedAt.toString());
        h.put("provider", provider);
        h.put("memory_count", count);
        return h;
    }

    /** Validates line 1 and returns it; refuses a missing or different version before anything is written. */
    static JsonNode readHeader(String line) {
        JsonNode h;
        try {
            h = line == null ? null : JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("ama", "the first line is not a JSON header");
        }
        if (h == null || !h.isObject() || !h.path("_ama_version").isInt()) {
            throw new InvalidRequestException("ama", "the first line must be a header with _ama_version");
        }
        if (h.path("_ama_version").asInt() != VERSION) {
            throw new InvalidRequestException("ama", "the header's _ama_version " + h.path("_ama_version").asInt()
                    + " is not supported (this version reads 1)");
        }
        return h;
    }

    static ObjectNode memory(VectorItem item, boolean includeEmbedding) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", item.id());
        m.put("text", item.text());
        putIfPresent(m, "fact_type", item.factType());
        if (!item.tags().isEmpty()) {
            ArrayNode tags = m.putArray("tags");
            item.tags().forEach(tags::add);
        }
        if (!item.metadata().isEmpty()) {
            m.set("metadata", JSON.valueToTree(item.metadata()));
        }
        putIfPresent(m, "occurred_at", item.occurredAt() == null ? null : item.occurredAt().toString());
        putIfPresent(m, "created_at", item.retainedAt() == null ? null : item.retainedAt().toString());
        putIfPresent(m, "source", item.source());
        m.put("bank_id", item.bankId());
        if (includeEmbedding && item.vector() != null) {
            ArrayNode v = m.putArray("embedding");
            for (float f : item.vector()) {
                v.add(f);
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(JsonNode line) {
        JsonNode m = line.path("metadata");
        return m.isObject() ? JSON.convertValue(m, Map.class) : Map.of();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
