package io.astrocyte.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One recalled memory (SPEC §1.3). {@code score} is in {@code [0, 1]}; hits are ordered best first.
 */
public record MemoryHit(
        String text,
        double score,
        String factType,
        Map<String, Object> metadata,
        List<String> tags,
        Instant occurredAt,
        String source,
        String memoryId,
        String bankId,
        String memoryLayer,
        Double utilityScore,
        Instant retainedAt,
        String chunkId) {

    public MemoryHit {
        metadata = metadata == null ? Map.of() : metadata;
        tags = tags == null ? List.of() : tags;
    }

    /** A caller-supplied hit for {@code external_context}. */
    public static MemoryHit external(String text, double score, String source) {
        return new MemoryHit(text, score, null, null, null, null, source, null, null, null, null, null, null);
    }

    public MemoryHit withText(String newText) {
        return new MemoryHit(newText, score, factType, metadata, tags, occurredAt, source, memoryId, bankId,
                memoryLayer, utilityScore, retainedAt, chunkId);
    }

    public MemoryHit withScore(double newScore) {
        return new MemoryHit(text, newScore, factType, metadata, tags, occurredAt, source, memoryId, bankId,
                memoryLayer, utilityScore, retainedAt, chunkId);
    }
}
