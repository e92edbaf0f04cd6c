package io.astrocyte.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one lifecycle pass over a bank did (SPEC §6.4). Memories kept are counted by reason rather than listed,
 * so that a pass over a large bank stays small; archived and deleted ones are listed.
 *
 * @param bankId          the bank
 * @param archivedCount   memories archived by this pass (reason {@code ttl_unretrieved})
 * @param deletedCount    memories purged by this pass (reason {@code ttl_expired})
 * @param skippedCount    memories kept, whatever the reason
 * @param actions         one entry per memory archived or deleted
 * @param skippedByReason the kept memories by reason: {@code lifecycle_disabled}, {@code legal_hold},
 *                        {@code exempt}, {@code recent}, {@code already_archived}
 * @param ranAt           the moment the pass measured ages against
 */
public record LifecycleResult(String bankId, int archivedCount, int deletedCount, int skippedCount,
        List<Action> actions, Map<String, Integer> skippedByReason, Instant ranAt) {

    public LifecycleResult {
        actions = actions == null ? List.of() : List.copyOf(actions);
        skippedByReason = skippedByReason == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(skippedByReason));
    }

    /**
     * One memory archived or deleted.
     *
     * @param memoryId the memory
     * @param action   {@code archive} or {@code delete}
     * @param reason   {@code ttl_unretrieved} (archive) or {@code ttl_expired} (delete)
     */
    public record Action(String memoryId, String action, String reason) {
    }
}
