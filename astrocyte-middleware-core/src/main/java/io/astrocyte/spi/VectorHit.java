package io.astrocyte.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A memory returned by a backend search, with its score in {@code [0, 1]}, higher is better (SPEC §4.1).
 */
public record VectorHit(
        String id,
        String text,
        double score,
        Map<String, Object> metadata,
        List<String> tags,
        String factType,
        Instant occurredAt,
        String memoryLayer,
        Instant retainedAt,
        String chunkId,
        String source) {

    public VectorHit {
        metadata = metadata == null ? Map.of() : metadata;
        tags = tags == null ? List.of() : tags;
    }

    public VectorHit withScore(double newScore) {
        return new VectorHit(id, text, newScore, metadata, tags, factType, occurredAt, memoryLayer, retainedAt, chunkId,
                source);
    }

    /** The moment the memory is about: {@code occurredAt} when known, else {@code retainedAt}. */
    public Instant eventTime() {
        return occurredAt != null ? occurredAt : retainedAt;
    }
}
