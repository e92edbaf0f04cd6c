package io.astrocyte.api;

import java.util.List;

/**
 * Outcome of a retain (SPEC §1.2). Each chunk is its own memory: {@code memoryId} is the first chunk's id
 * and {@code memoryIds} ([Java]) lists all of them. When {@code stored} is {@code false}, {@code error}
 * says why and nothing was written.
 */
public record RetainResult(
        boolean stored,
        String memoryId,
        List<String> memoryIds,
        boolean deduplicated,
        String error,
        RetentionAction retentionAction,
        boolean curated,
        String memoryLayer) {

    public RetainResult {
        memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
    }

    public static RetainResult stored(List<String> ids) {
        return new RetainResult(true, ids.get(0), ids, false, null, RetentionAction.ADD, false, "fact");
    }

    public static RetainResult rejected(String error) {
        return new RetainResult(false, null, List.of(), false, error, null, false, null);
    }
}
