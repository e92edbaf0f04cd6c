package io.astrocyte.api;

import java.time.Instant;
import java.util.List;

/** Hits as of a moment (SPEC §1.6). */
public record HistoryResult(
        List<MemoryHit> hits, int totalAvailable, boolean truncated, Instant asOf, String bankId, RecallTrace trace) {

    public HistoryResult {
        hits = List.copyOf(hits);
    }
}
