package io.astrocyte.policy.chain;

import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.audit.AuditEvent;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.AuditSink;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of the memory verbs (SPEC §6.4): {@code memory.created}, {@code memory.recalled} and
 * {@code memory.deleted} with the memory ids (never their text), recorded after the call has its result.
 * Without a sink the stage does nothing; a failing sink is logged and never fails the call.
 */
final class AuditStages {

    private static final Logger LOG = LoggerFactory.getLogger(AuditStages.class);

    private final AuditSink sink;
    private final Clock clock;

    AuditStages(AuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    RequestPath.Stage<RetainRequest, RetainResult> retain() {
        return (call, rest) -> {
            RetainResult r = rest.proceed(call);
            if (r.stored()) {
                record("memory.created", call.original().bankId(), call.context(), r.memoryIds(), null,
                        Map.of("chunks", r.memoryIds().size()));
            }
            return r;
        };
    }

    RequestPath.Stage<RecallRequest, RecallResult> recall() {
        return (call, rest) -> {
            RecallResult r = rest.proceed(call);
            if (!r.hits().isEmpty()) {
                for (String bank : call.banks()) {
                    List<String> ids = r.hits().stream().filter(h -> bank.equals(h.bankId()))
                            .map(MemoryHit::memoryId).toList();
                    if (!ids.isEmpty()) {
                        record("memory.recalled", bank, call.context(), ids, null, Map.of());
                    }
                }
            }
            return r;
        };
    }

    RequestPath.Stage<ForgetRequest, ForgetResult> forget() {
        return (call, rest) -> {
            ForgetResult r = rest.proceed(call);
            ForgetRequest q = call.original();
            if (r.deletedCount() > 0) {
                record("memory.deleted", q.bankId(), call.context(), q.memoryIds(), q.reason(),
                        Map.of("deleted_count", r.deletedCount(), "compliance", q.compliance(), "scope",
                                q.isScopeAll() ? "all" : "selective"));
            }
            return r;
        };
    }

    private void record(String type, String bank, AstrocyteContext context, List<String> ids, String reason,
            Map<String, Object> metadata) {
        if (sink == null) {
            return;
        }
        try {
            sink.record(new AuditEvent(type, bank, context == null ? null : context.principal(), clock.instant(),
                    ids, reason, metadata));
        } catch (RuntimeException e) {
            LOG.warn("audit event {} on {} not recorded: {}", type, bank, e.toString());
        }
    }
}
