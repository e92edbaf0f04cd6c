package io.astrocyte.integration;

import io.astrocyte.api.MemoryHit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names under which a recalled memory's own fields travel in a framework's document or content metadata,
 * the same in every framework, so that an application filtering on {@code memory_id} or {@code occurred_at}
 * can switch frameworks.
 */
public final class HitFields {

    public static final String MEMORY_ID = "memory_id";
    public static final String BANK_ID = "bank_id";
    public static final String FACT_TYPE = "fact_type";
    /** ISO-8601, so the model can reason about time. */
    public static final String OCCURRED_AT = "occurred_at";
    public static final String TAGS = "tags";
    public static final String SCORE = "score";

    private HitFields() {
    }

    /** {@code memory_id}, {@code bank_id}, {@code fact_type} and {@code occurred_at} of the hit, those that are set. */
    public static Map<String, String> of(MemoryHit hit) {
        Map<String, String> out = new LinkedHashMap<>();
        if (hit.memoryId() != null) {
            out.put(MEMORY_ID, hit.memoryId());
        }
        if (hit.bankId() != null) {
            out.put(BANK_ID, hit.bankId());
        }
        if (hit.factType() != null) {
            out.put(FACT_TYPE, hit.factType());
        }
        if (hit.occurredAt() != null) {
            out.put(OCCURRED_AT, hit.occurredAt().toString());
        }
        return out;
    }
}
