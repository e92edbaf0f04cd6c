package io.astrocyte.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stored memory (a chunk) as a backend sees it (SPEC §4.1). {@code forgottenAt} is set by a soft
 * delete; live items have it {@code null}. {@code source} is a [Java] addition so that a hit can report
 * where its memory came from without a reserved metadata key.
 *
 * @param metadata   scalar values only ({@code String}, {@code Number}, {@code Boolean}) or {@code null}
 * @param archivedAt set when lifecycle archived the memory (SPEC §6.4): it leaves default recall but stays
 *                   stored, in history and in recalls that ask for archived memories; {@code null} otherwise
 * @param recalls    how often and when last the memory was recalled; {@link RecallStats#NONE} when never
 */
public record VectorItem(
        String id,
        String bankId,
        float[] vector,
        String text,
        Map<String, Object> metadata,
        List<String> tags,
        String factType,
        Instant occurredAt,
        String memoryLayer,
        Instant retainedAt,
        String chunkId,
        String source,
        Instant forgottenAt,
        Instant archivedAt,
        RecallStats recalls) {

    /** An item that was never archived nor recalled. */
    public VectorItem(String id, String bankId, float[] vector, String text, Map<String, Object> metadata,
            List<String> tags, String factType, Instant occurredAt, String memoryLayer, Instant retainedAt,
            String chunkId, String source, Instant forgottenAt) {
        this(id, bankId, vector, text, metadata, tags, factType, occurredAt, memoryLayer, retainedAt, chunkId, source,
                forgottenAt, null, RecallStats.NONE);
    }

    public VectorItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bankId, "bankId");
        Objects.requireNonNull(text, "text");
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        tags = tags == null ? List.of() : List.copyOf(tags);
        recalls = recalls == null ? RecallStats.NONE : recalls;
    }

    /** Since when the memory has gone unused: its last recall, else its {@code retained_at}. */
    public Instant lastUsed() {
        return recalls.lastRecalledAt() != null ? recalls.lastRecalledAt() : retainedAt;
    }

    /** The moment the memory is about: {@code occurredAt} when known, else {@code retainedAt}. */
    public Instant eventTime() {
        return occurredAt != null ? occurredAt : retainedAt;
    }

    /** This item without its vector, as a hit with the given score. */
    public VectorHit toHit(double score) {
        return new VectorHit(id, text, score, metadata, tags, factType, occurredAt, memoryLayer, retainedAt, chunkId,
                source);
    }

    /** This item with another vector. */
    public VectorItem withVector(float[] newVector) {
        return new VectorItem(id, bankId, newVector, text, metadata, tags, factType, occurredAt, memoryLayer,
                retainedAt, chunkId, source, forgottenAt, archivedAt, recalls);
    }

    /** This item with {@code forgottenAt} set. */
    public VectorItem forgotten(Instant at) {
        return new VectorItem(id, bankId, vector, text, metadata, tags, factType, occurredAt, memoryLayer, retainedAt,
                chunkId, source, at, archivedAt, recalls);
    }

    /** This item with {@code archivedAt} set. */
    public VectorItem archived(Instant at) {
        return new VectorItem(id, bankId, vector, text, metadata, tags, factType, occurredAt, memoryLayer, retainedAt,
                chunkId, source, forgottenAt, at, recalls);
    }

    /** This item with other recall statistics. */
    public VectorItem withRecalls(RecallStats stats) {
        return new VectorItem(id, bankId, vector, text, metadata, tags, factType, occurredAt, memoryLayer, retainedAt,
                chunkId, source, forgottenAt, archivedAt, stats);
    }

    /** Archived at or before {@code asOf} (or at all, when {@code asOf} is null). */
    public boolean archivedBy(Instant asOf) {
        return archivedAt != null && (asOf == null || !archivedAt.isAfter(asOf));
    }

    /** Visible at {@code asOf} (or now, when {@code asOf} is null): retained by then and not yet forgotten. */
    public boolean visibleAt(Instant asOf) {
        if (asOf == null) {
            return forgottenAt == null;
        }
        return retainedAt != null && !retainedAt.isAfter(asOf) && (forgottenAt == null || forgottenAt.isAfter(asOf));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorItem other && id.equals(other.id) && bankId.equals(other.bankId)
                && java.util.Arrays.equals(vector, other.vector) && text.equals(other.text)
                && metadata.equals(other.metadata) && tags.equals(other.tags) && Objects.equals(factType, other.factType)
                && Objects.equals(occurredAt, other.occurredAt) && Objects.equals(memoryLayer, other.memoryLayer)
                && Objects.equals(retainedAt, other.retainedAt) && Objects.equals(chunkId, other.chunkId)
                && Objects.equals(source, other.source) && Objects.equals(forgottenAt, other.forgottenAt)
                && Objects.equals(archivedAt, other.archivedAt) && recalls.equals(other.recalls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, bankId, text);
    }

    @Override
    public String toString() {
        return "VectorItem[id=" + id + ", bankId=" + bankId + ", text=" + text + "]";
    }
}
