package io.astrocyte.lifecycle;

import io.astrocyte.api.ExportRequest;
import io.astrocyte.store.file.AtomicFileWrite;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Writes a bank's live memories as AMA JSONL. Memory lines are spooled to a temporary file first so the
 * header's {@code memory_count} is exact even while the bank changes; a file export appears under its
 * name only when complete (written, synced, renamed), so a failure never leaves a partial export behind.
 */
public final class BankExporter {

    private static final int PAGE = 500;

    private final VectorStore store;
    private final Clock clock;

    public BankExporter(VectorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Streams the export to {@code out} (not closed) and returns the number of memories written. */
    public long export(ExportRequest request, OutputStream out) {
        Path spool = null;
        try {
            spool = Files.createTempFile("astrocyte-export-", ".jsonl");
            long count = spoolMemories(request, spool);
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(AmaFormat.JSON.writeValueAsString(
                    AmaFormat.header(request.bankId(), clock.instant(), store.name(), count)));
            w.write('\n');
            w.flush();
            Files.copy(spool, out);
            out.flush();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("export of bank " + request.bankId() + " failed", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    /** Writes the export to {@code target} atomically and returns the number of memories written. */
    public long export(ExportRequest request, Path target) {
        try {
            return AtomicFileWrite.replace(target, out -> export(request, out));
        } catch (IOException e) {
            throw new UncheckedIOException("export of bank " + request.bankId() + " to " + target + " failed", e);
        }
    }

    private long spoolMemories(ExportRequest request, Path spool) throws IOException {
        // Forgotten items are listed too and skipped here, so a soft delete during the export changes nothing
        // the listing relies on.
        VectorFilters all = VectorFilters.none().withIncludeForgotten(true);
        long count = 0;
        try (Writer w = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            for (ListCursor after = null; ; ) {
                List<VectorItem> page = request.includeEmbeddings()
                        ? store.listVectors(request.bankId(), after, PAGE, all)
                        : store.listItems(request.bankId(), after, PAGE, all);
                after = ListCursor.afterLast(page);
                for (VectorItem item : page) {
                    if (item.forgottenAt() != null) {
                        continue;
                    }
                    w.write(AmaFormat.JSON.writeValueAsString(AmaFormat.memory(item, request.includeEmbeddings())));
                    w.write('\n');
                    count++;
                }
                if (page.size() < PAGE) {
                    return count;
                }
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // A leftover temporary file is harmless; the export itself has already succeeded or failed.
            }
        }
    }
}
