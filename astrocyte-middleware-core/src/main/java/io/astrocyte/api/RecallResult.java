package io.astrocyte.api;

import java.util.List;

/**
 * @param totalAvailable how many distinct memories matched before trimming to {@code max_results}
 * @param truncated      whether the token budget cut hits that would otherwise have been returned
 * @param trace          how the recall ran; {@code null} only for results built outside the pipeline
 */
public record RecallResult(
        List<MemoryHit> hits, int totalAvailable, boolean truncated, RecallTrace trace, String authorityContext) {

    public RecallResult {
        hits = List.copyOf(hits);
    }
}
