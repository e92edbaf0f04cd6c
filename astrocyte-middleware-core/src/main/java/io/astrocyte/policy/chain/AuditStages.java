package io.astrocyte.policy.chain;

import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.audit.AuditRecorder;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of the memory verbs (SPEC §6.4): {@code memory.created}, {@code memory.recalled} and
 * {@code memory.deleted} with the memory ids (never their text), recorded after the call has its result.
 */
final class AuditStages {

    private final AuditRecorder audit;

    AuditStages(AuditRecorder audit) {
        this.audit = audit;
    }

    RequestPath.Stage<RetainRequest, RetainResult> retain() {
        return (call, rest) -> {
            RetainResult r = rest.proceed(call);
            if (r.stored()) {
                audit.record("memory.created", call.request().bankId(), call.context(), r.memoryIds(), null,
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
                        audit.record("memory.recalled", bank, call.context(), ids, null, Map.of());
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
                audit.record("memory.deleted", q.bankId(), call.context(), q.memoryIds(), q.reason(),
                        Map.of("deleted_count", r.deletedCount(), "compliance", q.compliance(), "scope",
                                q.isScopeAll() ? "all" : "selective"));
            }
            return r;
        };
    }
}
