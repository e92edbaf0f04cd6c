package io.astrocyte.lifecycle;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.policy.escalation.StoreCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Export and import of whole banks (AMA JSONL, SPEC §1.8) as the facade offers them: the access checks,
 * the allowed-path check for files, the work, then the event.
 */
public final class Portability {

    private final AccessController access;
    private final PortabilityPaths paths;
    private final StoreCalls store;
    private final BankExporter exporter;
    private final BankImporter importer;
    private final HookDispatcher hooks;

    public Portability(AccessController access, PortabilityPaths paths, StoreCalls store, BankExporter exporter,
            BankImporter importer, HookDispatcher hooks) {
        this.access = access;
        this.paths = paths;
        this.store = store;
        this.exporter = exporter;
        this.importer = importer;
        this.hooks = hooks;
    }

    public long exportBank(ExportRequest request, Path file, AstrocyteContext context) {
        access.check(context, request.bankId(), Permission.ADMIN);
        Path target = paths.check(file, request.allowedRoots(), request.allowUncontained());
        long count = store.call(() -> exporter.export(request, target));
        hooks.fire("on_export", request.bankId(), Map.of("memory_count", count, "path", target.toString()), null);
        return count;
    }

    public long exportBank(ExportRequest request, OutputStream out, AstrocyteContext context) {
        Objects.requireNonNull(out, "out");
        access.check(context, request.bankId(), Permission.ADMIN);
        long count = store.call(() -> exporter.export(request, out));
        hooks.fire("on_export", request.bankId(), Map.of("memory_count", count), null);
        return count;
    }

    public ImportResult importBank(ImportRequest request, Path file, AstrocyteContext context) {
        checkImport(request, context);
        Path source = paths.check(file, request.allowedRoots(), request.allowUncontained());
        try (InputStream in = Files.newInputStream(source)) {
            return imported(request, importer.importFrom(request, in));
        } catch (IOException e) {
            throw new InvalidRequestException("path", "cannot read " + source + ": " + e.getMessage());
        }
    }

    public ImportResult importBank(ImportRequest request, InputStream in, AstrocyteContext context) {
        Objects.requireNonNull(in, "in");
        checkImport(request, context);
        return imported(request, importer.importFrom(request, in));
    }

    /**
     * An import needs admin. It is also a write, so under owner_only it claims an unowned bank as a first
     * retain would; a caller who may not write gets the admin refusal, which names what an import needs.
     */
    private void checkImport(ImportRequest request, AstrocyteContext context) {
        try {
            access.check(context, request.bankId(), Permission.WRITE);
        } catch (AccessDeniedException e) {
            // Reported by the admin check below.
        }
        access.check(context, request.bankId(), Permission.ADMIN);
    }

    private ImportResult imported(ImportRequest request, ImportResult r) {
        hooks.fire("on_import", request.bankId(), Map.of("imported", r.imported(), "skipped", r.skipped(),
                "errors", r.errors().size()), null);
        return r;
    }
}
