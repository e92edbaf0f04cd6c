package io.astrocyte.api;

import java.util.List;

/**
 * What an import did (SPEC §1.8).
 *
 * @param imported lines stored as memories
 * @param skipped  lines left out on purpose: no id or text, a conflict under {@code skip}, or content the
 *                 retain path declined (validation)
 * @param errors   one message per line that failed, prefixed with its line number; never memory text
 */
public record ImportResult(int imported, int skipped, List<String> errors) {

    public ImportResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
