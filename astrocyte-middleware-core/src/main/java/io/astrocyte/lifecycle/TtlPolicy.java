package io.astrocyte.lifecycle;

import io.astrocyte.config.TtlConfig;
import io.astrocyte.spi.VectorItem;
import java.time.Duration;
import java.time.Instant;

/**
 * The TTL rule of SPEC §6.4 for one memory, in this order: exempt (a tag of {@code exempt_tags}, or a fact type
 * kept forever by {@code fact_type_overrides}) → kept; retained longer ago than {@code delete_after_days} (or its
 * fact type's override) → deleted, archived or not; unused (not recalled, else not retained) for
 * {@code archive_after_days} → archived; otherwise kept. Holds and a disabled lifecycle apply to whole banks and
 * are decided before this.
 */
final class TtlPolicy {

    enum Outcome {
        KEEP, ARCHIVE, DELETE
    }

    /** What to do with one memory and why, in the words of {@link io.astrocyte.api.LifecycleResult}. */
    record Decision(Outcome outcome, String reason) {
    }

    static final Decision EXEMPT = new Decision(Outcome.KEEP, "exempt");
    static final Decision RECENT = new Decision(Outcome.KEEP, "recent");
    static final Decision ALREADY_ARCHIVED = new Decision(Outcome.KEEP, "already_archived");
    static final Decision EXPIRED = new Decision(Outcome.DELETE, "ttl_expired");
    static final Decision UNRETRIEVED = new Decision(Outcome.ARCHIVE, "ttl_unretrieved");

    private final TtlConfig ttl;

    TtlPolicy(TtlConfig ttl) {
        this.ttl = ttl;
    }

    Decision decide(VectorItem item, Instant now) {
        if (item.tags().stream().anyMatch(ttl.exemptTags()::contains)) {
            return EXEMPT;
        }
        Integer deleteDays = ttl.deleteAfterDays();
        if (item.factType() != null && ttl.factTypeOverrides().containsKey(item.factType())) {
            deleteDays = ttl.factTypeOverrides().get(item.factType());
            if (deleteDays == null) {
                return EXEMPT;
            }
        }
        if (item.retainedAt() != null && olderThan(item.retainedAt(), now, deleteDays)) {
            return EXPIRED;
        }
        if (item.archivedAt() != null) {
            return ALREADY_ARCHIVED;
        }
        Instant lastUsed = item.lastUsed();
        if (lastUsed != null && olderThan(lastUsed, now, ttl.archiveAfterDays())) {
            return UNRETRIEVED;
        }
        return RECENT;
    }

    /** At least {@code days} whole days lie between {@code since} and {@code now}. */
    private static boolean olderThan(Instant since, Instant now, int days) {
        return !since.plus(Duration.ofDays(days)).isAfter(now);
    }
}
