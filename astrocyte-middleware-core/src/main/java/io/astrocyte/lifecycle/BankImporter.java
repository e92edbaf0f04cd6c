package io.astrocyte.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.astrocyte.AstrocyteException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.spi.ListCursor;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads AMA JSONL and retains every memory line into the target bank through the given retain function
 * (which applies the policy layer and re-embeds). An import applies whole or not at all:
 *
 * <ol>
 *   <li>The whole file is read and checked first: the header, then every line (a JSON object; {@code id}
 *       a string or number; {@code text} a string; {@code tags} strings; {@code metadata} an object of
 *       scalars; {@code fact_type} and {@code source} strings; times in ISO-8601; a {@code bank_id}, when
 *       present, equal to the header's; no id twice; no line over {@link #MAX_LINE_CHARS}; no id imported
 *       before under {@code on_conflict: error}). Any problem refuses the import with an
 *       {@link InvalidRequestException} listing the lines, before anything is written.</li>
 *   <li>Then the memories are retained. If one is refused (the PII barrier, a size limit) or the store
 *       fails, the memories this import already wrote are removed again and the refusal is rethrown with
 *       its line number, so the bank is left as it was. Memories an {@code overwrite} replaces are forgotten
 *       only once every line is stored.</li>
 * </ol>
 *
 * <p>Lines without {@code id} or {@code text} are skipped, as SPEC §1.8 says, and so are lines that
 * dedup folds into an existing memory and conflicts under {@code skip}.
 */
public final class BankImporter {

    /** Longest line read; an exported memory with a 1536-d embedding is about 30,000 characters. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    private static final int PROBLEMS_SHOWN = 20;

    private final VectorStore store;
    private final Function<RetainRequest, RetainResult> retain;
    private final java.time.Clock clock;

    /** @param retain stores one memory through the policy layer, without a second access check */
    public BankImporter(VectorStore store, Function<RetainRequest, RetainResult> retain, java.time.Clock clock) {
        this.store = store;
        this.retain = retain;
        this.clock = clock;
    }

    /** One checked memory line, ready to retain. */
    private record Entry(int line, String id, RetainRequest request, List<String> replaces) {
    }

    public ImportResult importFrom(ImportRequest request, InputStream in) {
        List<Entry> entries = new ArrayList<>();
        int skipped = read(request, in, entries);
        int imported = 0;
        List<String> written = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        Entry current = null;
        try {
            for (Entry e : entries) {
                current = e;
                RetainResult r = retain.apply(e.request());
                if (r.stored()) {
                    written.addAll(r.memoryIds());
                    replaced.addAll(e.replaces());
                    imported++;
                } else if (r.deduplicated()) {
                    skipped++;
                } else {
                    throw new InvalidRequestException("ama", "line " + e.line() + ": memory " + e.id()
                            + " was not stored: " + r.error());
                }
                if (request.progress() != null && (imported + skipped) % 10 == 0) {
                    request.progress().accept(new ImportResult(imported, skipped, List.of()));
                }
            }
        } catch (RuntimeException failure) {
            throw undo(request.bankId(), written, current, failure);
        }
        if (!replaced.isEmpty()) {
            store.softDelete(replaced, request.bankId(), clock.instant());
        }
        ImportResult result = new ImportResult(imported, skipped, List.of());
        if (request.progress() != null) {
            request.progress().accept(result);
        }
        return result;
    }

    /** Removes what this import wrote and returns the exception to throw, naming the line that failed. */
    private RuntimeException undo(String bankId, List<String> written, Entry at, RuntimeException failure) {
        String where = at == null ? "" : "line " + at.line() + ": ";
        String undone = "; the import was undone (" + written.size() + " memories it had written were removed)";
        if (!written.isEmpty()) {
            try {
                store.delete(written, bankId);
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
                undone = "; " + written.size() + " memories it had written could not be removed: "
                        + cleanup.getMessage();
            }
        }
        if (failure instanceof InvalidRequestException invalid && invalid.getMessage().contains("line ")) {
            return new InvalidRequestException("ama", stripField(invalid.getMessage()) + undone);
        }
        boolean aboutTheLine = failure instanceof AstrocyteException
                && !(failure instanceof io.astrocyte.ProviderUnavailableException)
                && !(failure instanceof io.astrocyte.RateLimitedException)
                && !(failure instanceof io.astrocyte.AccessDeniedException)
                && !(failure instanceof io.astrocyte.AuthorizationException);
        if (aboutTheLine) {
            // A refusal of this memory by the policy layer: reported as a problem of the file, at its line.
            InvalidRequestException wrapped = new InvalidRequestException("ama", where + failure.getMessage() + undone);
            wrapped.initCause(failure);
            return wrapped;
        }
        // Outages, rate limits and access errors keep their type (and HTTP status); the undo is attached.
        failure.addSuppressed(new IllegalStateException(where + "import stopped" + undone));
        return failure;
    }

    private static String stripField(String message) {
        return message.startsWith("ama: ") ? message.substring("ama: ".length()) : message;
    }

    /** Reads and checks the whole file into {@code entries}; returns the lines skipped on purpose. */
    private int read(ImportRequest request, InputStream in, List<Entry> entries) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        int skipped = 0;
        try {
            JsonNode header = AmaFormat.readHeader(reader.readLine());
            String headerBank = header.path("bank_id").isTextual() ? header.path("bank_id").asText() : null;
            String defaultSource = "import:ama:" + header.path("provider").asText("unknown");
            Map<String, List<String>> importedBefore = importedBefore(request.bankId());
            Map<String, Integer> seen = new HashMap<>();
            String line;
            for (int number = 2; (line = reader.readLine()) != null; number++) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE_CHARS) {
                    problems.add("line " + number + ": " + line.length() + " characters, over the limit of "
                            + MAX_LINE_CHARS);
                    continue;
                }
                Entry e = entry(request, line, number, headerBank, defaultSource, importedBefore, seen, problems);
                if (e == null) {
                    continue;
                }
                if (e.request() == null) {
                    skipped++;
                } else {
                    entries.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import for bank " + request.bankId()
                    + "; nothing was imported", e);
        }
        if (!problems.isEmpty()) {
            String shown = String.join("; ", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
            throw new InvalidRequestException("ama", problems.size() + " problem(s) in the file, nothing was imported: "
                    + shown + (problems.size() > PROBLEMS_SHOWN ? "; and " + (problems.size() - PROBLEMS_SHOWN)
                            + " more" : ""));
        }
        return skipped;
    }

    /**
     * The checked entry of one line; an entry without request for a line skipped on purpose; {@code null}
     * after adding a problem.
     */
    private Entry entry(ImportRequest request, String line, int number, String headerBank, String defaultSource,
            Map<String, List<String>> importedBefore, Map<String, Integer> seen, List<String> problems) {
        JsonNode m;
        try {
            m = AmaFormat.JSON.readTree(line);
        } catch (IOException e) {
            problems.add("line " + number + ": not valid JSON");
            return null;
        }
        if (m == null || !m.isObject()) {
            problems.add("line " + number + ": not a JSON object");
            return null;
        }
        JsonNode idNode = m.path("id");
        JsonNode textNode = m.path("text");
        if (idNode.isMissingNode() || idNode.isNull() || textNode.isMissingNode() || textNode.isNull()) {
            return new Entry(number, null, null, List.of()); // SPEC §1.8: lines missing id or text are skipped
        }
        int before = problems.size();
        if (!idNode.isTextual() && !idNode.isIntegralNumber()) {
            problems.add("line " + number + ": id must be a string or an integer");
        }
        if (!textNode.isTextual()) {
            problems.add("line " + number + ": text must be a string");
        }
        String id = idNode.asText();
        String text = textNode.asText();
        if (id.isBlank() || text.isBlank()) {
            return new Entry(number, null, null, List.of());
        }
        Integer first = seen.putIfAbsent(id, number);
        if (first != null) {
            problems.add("line " + number + ": id '" + clip(id) + "' appears again (first on line " + first + ")");
        }
        if (m.has("bank_id") && headerBank != null && !(m.path("bank_id").isTextual()
                && m.path("bank_id").asText().equals(headerBank))) {
            problems.add("line " + number + ": bank_id " + clip(m.path("bank_id").toString())
                    + " differs from the header's '" + clip(headerBank) + "'");
        }
        checkTypes(m, number, problems);
        List<String> existing = importedBefore.getOrDefault(id, List.of());
        if (!existing.isEmpty() && request.onConflict() == ImportRequest.OnConflict.ERROR) {
            problems.add("line " + number + ": memory " + clip(id) + " is already in " + request.bankId()
                    + " (imported before, or the bank's own)");
        }
        if (problems.size() > before) {
            return null;
        }
        if (!existing.isEmpty() && request.onConflict() == ImportRequest.OnConflict.SKIP) {
            return new Entry(number, id, null, List.of());
        }
        try {
            return new Entry(number, id, toRetain(request.bankId(), m, id, text, defaultSource), existing);
        } catch (AstrocyteException | IllegalArgumentException e) {
            problems.add("line " + number + ": " + e.getMessage());
            return null;
        }
    }

    private static void checkTypes(JsonNode m, int number, List<String> problems) {
        for (String field : List.of("fact_type", "source")) {
            if (m.has(field) && !m.path(field).isNull() && !m.path(field).isTextual()) {
                problems.add("line " + number + ": " + field + " must be a string");
            }
        }
        for (String field : List.of("occurred_at", "created_at")) {
            JsonNode v = m.path(field);
            if (m.has(field) && !v.isNull()) {
                if (!v.isTextual()) {
                    problems.add("line " + number + ": " + field + " must be an ISO-8601 time string");
                } else {
                    try {
                        Instant.parse(v.asText());
                    } catch (DateTimeParseException e) {
                        problems.add("line " + number + ": " + field + " '" + clip(v.asText())
                                + "' is not an ISO-8601 time such as 2026-03-01T10:00:00Z");
                    }
                }
            }
        }
        JsonNode tags = m.path("tags");
        if (m.has("tags") && !tags.isNull()) {
            if (!tags.isArray()) {
                problems.add("line " + number + ": tags must be a list of strings");
            } else {
                for (JsonNode t : tags) {
                    if (!t.isTextual()) {
                        problems.add("line " + number + ": tags must be a list of strings");
                        break;
                    }
                }
            }
        }
        JsonNode metadata = m.path("metadata");
        if (m.has("metadata") && !metadata.isNull()) {
            if (!metadata.isObject()) {
                problems.add("line " + number + ": metadata must be an object");
            } else {
                metadata.fields().forEachRemaining(f -> {
                    if (f.getValue().isContainerNode()) {
                        problems.add("line " + number + ": metadata." + clip(f.getKey())
                                + " must be a string, number, boolean or null");
                    }
                });
            }
        }
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /**
     * Live memories of the bank by the ids a line may carry for them: the original id of one that came from an
     * earlier import, and every memory's own id (so importing a bank's own export back into it conflicts instead
     * of doubling it). One pass over the bank up front instead of a lookup per line, which would force a store
     * refresh after every retain.
     */
    private Map<String, List<String>> importedBefore(String bankId) {
        Map<String, List<String>> byOriginal = new HashMap<>();
        for (ListCursor after = null; ; ) {
            List<VectorItem> page = store.listItems(bankId, after, 1000, VectorFilters.none().withIncludeArchived(true));
            after = ListCursor.afterLast(page);
            for (VectorItem item : page) {
                Object original = item.metadata().get(AmaFormat.ORIGINAL_ID_KEY);
                if (original != null) {
                    byOriginal.computeIfAbsent(String.valueOf(original), k -> new ArrayList<>()).add(item.id());
                }
                if (original == null || !item.id().equals(String.valueOf(original))) {
                    byOriginal.computeIfAbsent(item.id(), k -> new ArrayList<>()).add(item.id());
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
