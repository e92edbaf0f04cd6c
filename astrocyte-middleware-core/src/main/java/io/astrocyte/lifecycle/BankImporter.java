package io.astrocyte.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocyte.AccessDeniedException;
import io.astrocyte.AstrocyteException;
import io.astrocyte.AuthorizationException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads AMA JSONL and retains every memory line into the target bank through the given retain function
 * (which applies the policy layer and re-embeds). A bad header refuses the whole import before anything
 * is written; after that each line stands alone: lines without {@code id} or {@code text} are skipped,
 * failing lines are reported under {@code errors} and the import goes on. A store outage stops it
 * ({@link ProviderUnavailableException}); lines already imported stay, and a rerun with
 * {@link ImportRequest.OnConflict#SKIP} picks up where it stopped.
 */
public final class BankImporter {

    private final VectorStore store;
    private final Function<RetainRequest, RetainResult> retain;
    private final java.time.Clock clock;

    /** @param retain stores one memory through the policy layer, without a second access check */
    public BankImporter(VectorStore store, Function<RetainRequest, RetainResult> retain, java.time.Clock clock) {
        this.store = store;
        this.retain = retain;
        this.clock = clock;
    }

    public ImportResult importFrom(ImportRequest request, InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int imported = 0;
        int skipped = 0;
        List<String> errors = new ArrayList<>();
        try {
            JsonNode header = AmaFormat.readHeader(reader.readLine());
            Map<String, List<String>> imported0 = importedBefore(request.bankId());
            String defaultSource = "import:ama:" + header.path("provider").asText("unknown");
            String line;
            int number = 1;
            int lines = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                switch (importLine(request, line, number, defaultSource, errors, imported0)) {
                    case IMPORTED -> imported++;
                    case SKIPPED -> skipped++;
                    case FAILED -> { }
                }
                if (request.progress() != null && lines % 10 == 0) {
                    request.progress().accept(new ImportResult(imported, skipped, errors));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("import into bank " + request.bankId() + " failed after " + imported
                    + " memories", e);
        }
        ImportResult result = new ImportResult(imported, skipped, errors);
        if (request.progress() != null) {
            request.progress().accept(result);
        }
        return result;
    }

    private enum Outcome { IMPORTED, SKIPPED, FAILED }

    private Outcome importLine(ImportRequest request, String line, int number, String defaultSource,
            List<String> errors, Map<String, List<String>> importedBefore) {
        JsonNode m;
        try {
            m = AmaFormat.JSON.readTree(line);
        } catch (IOException e) {
            errors.add("line " + number + ": not a JSON object");
            return Outcome.FAILED;
        }
        String id = m.path("id").isValueNode() ? m.path("id").asText() : null;
        String text = m.path("text").isTextual() ? m.path("text").asText() : null;
        if (id == null || id.isBlank() || text == null || text.isBlank()) {
            return Outcome.SKIPPED;
        }
        try {
            List<String> existing = importedBefore.getOrDefault(id, List.of());
            if (!existing.isEmpty()) {
                switch (request.onConflict()) {
                    case SKIP -> {
                        return Outcome.SKIPPED;
                    }
                    case ERROR -> {
                        errors.add("line " + number + ": memory " + id + " was imported into " + request.bankId()
                                + " before");
                        return Outcome.FAILED;
                    }
                    case OVERWRITE -> { }
                }
            }
            RetainResult r = retain.apply(toRetain(request.bankId(), m, id, text, defaultSource));
            if (!r.stored()) {
                return Outcome.SKIPPED;
            }
            if (!existing.isEmpty()) {
                // Only once the replacement is stored, so a failed line never loses the memory it replaces.
                store.softDelete(existing, request.bankId(), clock.instant());
            }
            importedBefore.put(id, r.memoryIds());
            return Outcome.IMPORTED;
        } catch (AccessDeniedException | AuthorizationException | ProviderUnavailableException e) {
            throw e;
        } catch (AstrocyteException | IllegalArgumentException | DateTimeParseException e) {
            errors.add("line " + number + ": " + e.getMessage());
            return Outcome.FAILED;
        }
    }

    /**
     * Live memories of the bank that came from an earlier import, by original id: one pass over the bank
     * up front instead of a lookup per line, which would force a store refresh after every retain.
     */
    private Map<String, List<String>> importedBefore(String bankId) {
        Map<String, List<String>> byOriginal = new java.util.HashMap<>();
        for (int offset = 0; ; offset += 1000) {
            List<VectorItem> page = store.listVectors(bankId, offset, 1000, VectorFilters.none());
            for (VectorItem item : page) {
                Object original = item.metadata().get(AmaFormat.ORIGINAL_ID_KEY);
                if (original != null) {
                    byOriginal.computeIfAbsent(String.valueOf(original), k -> new ArrayList<>()).add(item.id());
                }
            }
            if (page.size() < 1000) {
                return byOriginal;
            }
        }
    }

    private static RetainRequest toRetain(String bankId, JsonNode m, String id, String text, String defaultSource) {
        Map<String, Object> metadata = new LinkedHashMap<>(AmaFormat.metadata(m));
        metadata.put(AmaFormat.ORIGINAL_ID_KEY, id);
        if (m.path("created_at").isTextual()) {
            metadata.put(AmaFormat.ORIGINAL_CREATED_KEY, m.path("created_at").asText());
        }
        List<String> tags = new ArrayList<>();
        m.path("tags").forEach(t -> tags.add(t.asText()));
        RetainRequest.Builder b = RetainRequest.builder(bankId, text).metadata(metadata).tags(tags)
                .source(m.path("source").isTextual() ? m.path("source").asText() : defaultSource);
        if (m.path("fact_type").isTextual()) {
            b.factType(m.path("fact_type").asText());
        }
        if (m.path("occurred_at").isTextual()) {
            b.occurredAt(Instant.parse(m.path("occurred_at").asText()));
        }
        return b.build();
    }
}
