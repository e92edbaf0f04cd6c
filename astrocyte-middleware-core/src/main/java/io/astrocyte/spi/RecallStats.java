package io.astrocyte.spi;

import java.time.Instant;

/**
 * How often a memory has been recalled and when last (SPEC §6.4). Lifecycle counts a memory's idle time from
 * {@code lastRecalledAt} when it has one, else from its {@code retained_at}. As an argument of
 * {@link VectorStore#recordRecalls} it is an increment: {@code count} more recalls, the latest at
 * {@code lastRecalledAt}.
 *
 * @param count          recalls counted so far (or to add); never negative
 * @param lastRecalledAt the latest counted recall, {@code null} when never recalled
 */
public record RecallStats(long count, Instant lastRecalledAt) {

    /** Never recalled. */
    public static final RecallStats NONE = new RecallStats(0, null);

    public RecallStats {
        if (count < 0) {
            throw new IllegalArgumentException("recall count must not be negative: " + count);
        }
    }

    /** These statistics plus an increment: counts add, the later moment wins. */
    public RecallStats plus(RecallStats more) {
        Instant last = lastRecalledAt == null ? more.lastRecalledAt
                : more.lastRecalledAt == null || lastRecalledAt.isAfter(more.lastRecalledAt) ? lastRecalledAt
                        : more.lastRecalledAt;
        return new RecallStats(count + more.count, last);
    }
}
