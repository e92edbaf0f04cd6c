package io.astrocyte.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Export a bank's live memories as AMA JSONL (SPEC §1.8). Needs {@code admin} on the bank.
 *
 * @param includeEmbeddings write each memory's vector as {@code embedding} (default {@code false})
 * @param includeEntities   write {@code entities} when the backend has them (none does yet)
 * @param allowedRoots      folders a file export may write under; empty means
 *                          {@code ASTROCYTE_PORTABILITY_ROOTS}. Stream exports ignore it.
 * @param allowUncontained  allow any path (default {@code false}: paths outside the roots are refused)
 */
public record ExportRequest(String bankId, boolean includeEmbeddings, boolean includeEntities,
        List<Path> allowedRoots, boolean allowUncontained) {

    public ExportRequest {
        BankIds.require("bank_id", bankId);
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
    }

    /** Text and metadata without embeddings, to a path under the configured roots. */
    public static ExportRequest of(String bankId) {
        return new ExportRequest(bankId, false, true, null, false);
    }

    public ExportRequest withEmbeddings() {
        return new ExportRequest(bankId, true, includeEntities, allowedRoots, allowUncontained);
    }

    public ExportRequest withAllowedRoots(Path... roots) {
        return new ExportRequest(bankId, includeEmbeddings, includeEntities, List.of(roots), allowUncontained);
    }
}
