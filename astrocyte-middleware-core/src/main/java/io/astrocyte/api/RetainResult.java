package io.astrocyte.api;

import java.util.List;

/**
 * Outcome of a retain (SPEC §1.2). Each chunk is its own memory: {@code memoryId} is the first stored
 * chunk's id and {@code memoryIds} ([Java]) lists all of them. When {@code stored} is {@code false},
 * {@code error} says why and nothing was written.
 *
 * <p>{@code deduplicated} says that near-duplicates were found ({@code signal_quality.dedup});
 * {@code retentionAction} says what was done about them: {@code ADD} (stored anyway, or only the new
 * chunks), {@code UPDATE} (stored in place of the duplicates, which are forgotten) or {@code SKIP} (nothing
 * stored; {@code memoryId} then names the existing memory the content duplicates).
 *
 * <p>{@code factIds} ([Java]) lists the facts an extraction profile had the LLM draw from the content, each stored
 * as its own memory with it and in the same write; {@code extractionError} says why there are none when the profile
 * asked for them (the LLM failed or answered with no usable facts), while the content itself is stored.
 */
public record RetainResult(
        boolean stored,
        String memoryId,
        List<String> memoryIds,
        boolean deduplicated,
        String error,
        RetentionAction retentionAction,
        boolean curated,
        String memoryLayer,
        RoutingDecision routing,
        List<String> factIds,
        String extractionError) {

    public RetainResult {
        memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
        factIds = factIds == null ? List.of() : List.copyOf(factIds);
    }

    public RetainResult(boolean stored, String memoryId, List<String> memoryIds, boolean deduplicated, String error,
            RetentionAction retentionAction, boolean curated, String memoryLayer, RoutingDecision routing) {
        this(stored, memoryId, memoryIds, deduplicated, error, retentionAction, curated, memoryLayer, routing, null,
                null);
    }

    /** This result with the Memory Intent Protocol's decision attached. */
    public RetainResult withRouting(RoutingDecision decision) {
        return new RetainResult(stored, memoryId, memoryIds, deduplicated, error, retentionAction, curated, memoryLayer,
                decision, factIds, extractionError);
    }

    /** This result with the facts stored beside the content, or why there are none. */
    public RetainResult withFacts(List<String> ids, String whyNone) {
        return new RetainResult(stored, memoryId, memoryIds, deduplicated, error, retentionAction, curated, memoryLayer,
                routing, ids, whyNone);
    }

    public static RetainResult stored(List<String> ids) {
        return new RetainResult(true, ids.get(0), ids, false, null, RetentionAction.ADD, false, "fact", null);
    }

    /** Stored after near-duplicates were found; {@code action} is {@code ADD} or {@code UPDATE}. */
    public static RetainResult storedWithDuplicates(List<String> ids, RetentionAction action) {
        return new RetainResult(true, ids.get(0), ids, true, null, action, false, "fact", null);
    }

    /** Nothing stored because the content duplicates memory {@code existingId} (or itself, when null). */
    public static RetainResult skippedAsDuplicate(String existingId, String error) {
        return new RetainResult(false, existingId, List.of(), true, error, RetentionAction.SKIP, false, null, null);
    }

    public static RetainResult rejected(String error) {
        return new RetainResult(false, null, List.of(), false, error, null, false, null, null);
    }
}
