package io.astrocyte.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the audit trail (SPEC §6.4): what happened to which memories of which bank, who did it and
 * when. It never holds memory text: ids, counts and reasons only.
 *
 * @param eventType e.g. {@code memory.created}, {@code memory.recalled}, {@code memory.deleted},
 *                  {@code bank.legal_hold.set}
 * @param bankId    the bank; {@code null} for events about no single bank
 * @param actor     the principal that caused it, or {@code anonymous}
 * @param timestamp when it happened
 * @param memoryIds the memories concerned; may be empty
 * @param reason    why, when the caller said (a compliance forget's reason, a hold's); may be {@code null}
 * @param metadata  further scalar facts (counts, hold id); may be empty
 */
public record AuditEvent(String eventType, String bankId, String actor, Instant timestamp, List<String> memoryIds,
        String reason, Map<String, Object> metadata) {

    public AuditEvent {
        if (eventType == null || eventType.isBlank()) {
            throw new IllegalArgumentException("eventType must not be blank");
        }
        actor = actor == null ? "anonymous" : actor;
        Objects.requireNonNull(timestamp, "timestamp");
        memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
