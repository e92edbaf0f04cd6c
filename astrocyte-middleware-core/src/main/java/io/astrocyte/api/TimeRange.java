package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;
import java.time.Instant;

/**
 * A half-open interval {@code [from, to)} on a memory's {@code occurred_at}; either end may be open
 * ({@code null}). Memories without {@code occurred_at} never match a time range.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("time_range", "from must be before to");
        }
    }

    public boolean contains(Instant t) {
        return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }
}
