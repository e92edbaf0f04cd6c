package io.astrocyte.api;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Import AMA JSONL into a bank (SPEC §1.8), which may differ from the exported one. Every line is
 * retained again through the policy layer (and re-embedded); needs {@code admin} on the target bank.
 *
 * @param onConflict       what to do with a line whose id is already in the bank (imported before, or one of the
 *                         bank's own memories, as when a bank's export is imported back)
 * @param allowedRoots     folders a file import may read under; empty means {@code ASTROCYTE_PORTABILITY_ROOTS}
 * @param allowUncontained allow any path (default {@code false})
 * @param progress         called with the running totals every 10 lines; may be {@code null}
 */
public record ImportRequest(String bankId, OnConflict onConflict, List<Path> allowedRoots, boolean allowUncontained,
        Consumer<ImportResult> progress) {

    /** A line whose {@code id} is already in the bank from an earlier import. */
    public enum OnConflict {
        /** Leave the existing memory, count the line as skipped (default). */
        SKIP,
        /** Forget the existing memory and import the line. */
        OVERWRITE,
        /** Import nothing for the line and report it under {@code errors}. */
        ERROR
    }

    public ImportRequest {
        BankIds.require("bank_id", bankId);
        onConflict = onConflict == null ? OnConflict.SKIP : onConflict;
        allowedRoots = allowedRoots == null ? List.of() : List.copyOf(allowedRoots);
    }

    public static ImportRequest of(String bankId) {
        return new ImportRequest(bankId, null, null, false, null);
    }

    public ImportRequest onConflict(OnConflict value) {
        return new ImportRequest(bankId, value, allowedRoots, allowUncontained, progress);
    }

    public ImportRequest withAllowedRoots(Path... roots) {
        return new ImportRequest(bankId, onConflict, List.of(roots), allowUncontained, progress);
    }

    public ImportRequest withProgress(Consumer<ImportResult> value) {
        return new ImportRequest(bankId, onConflict, allowedRoots, allowUncontained, value);
    }
}
