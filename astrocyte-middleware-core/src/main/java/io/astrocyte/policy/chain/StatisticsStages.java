package io.astrocyte.policy.chain;

import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.audit.AuditRecorder;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.lifecycle.RecallTracker;
import io.astrocyte.observe.BankStatistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what each call did for its banks' health score (SPEC §6.7), and marks a bank's first write and its purge
 * as {@code bank.created} / {@code bank.deleted} (audit trail and hooks): a stored or folded retain and its length,
 * a recall and whether it found anything, a reflect and whether it answered. Degraded calls are not counted:
 * they say nothing about the bank. The memories a recall or reflect returned are handed to the
 * {@link RecallTracker} (when the store keeps recall statistics), which writes them later, off this path.
 */
final class StatisticsStages {

    private final BankStatistics statistics;
    private final RecallTracker tracker;
    private final HookDispatcher hooks;
    private final AuditRecorder audit;

    /** @param tracker {@code null} when recall statistics are off or the store keeps none */
    StatisticsStages(BankStatistics statistics, RecallTracker tracker, HookDispatcher hooks, AuditRecorder audit) {
        this.statistics = statistics;
        this.tracker = tracker;
        this.hooks = hooks;
        this.audit = audit;
    }

    private void track(List<MemoryHit> hits) {
        if (tracker == null || hits.isEmpty()) {
            return;
        }
        Map<String, List<String>> byBank = new HashMap<>();
        for (MemoryHit h : hits) {
            if (h.bankId() != null && h.memoryId() != null) {
                byBank.computeIfAbsent(h.bankId(), b -> new ArrayList<>()).add(h.memoryId());
            }
        }
        byBank.forEach(tracker::recalled);
    }

    RequestPath.Stage<RetainRequest, RetainResult> retain() {
        return (call, rest) -> {
            RetainResult r = rest.proceed(call);
            if (r.stored() || r.deduplicated()) {
                String bank = call.request().bankId(); // where MIP sent it
                if (statistics.retained(bank, call.original().content().length(), r.deduplicated())) {
                    bankEvent("created", bank, call);
                }
            }
            return r;
        };
    }

    /**
     * A compliance forget of a whole bank purges it: its counters go, and writing to it again creates it anew.
     * A soft forget of everything keeps the bank (its history stays).
     */
    RequestPath.Stage<ForgetRequest, ForgetResult> forget() {
        return (call, rest) -> {
            ForgetResult r = rest.proceed(call);
            ForgetRequest q = call.original();
            if (q.compliance() && q.isScopeAll()) {
                statistics.removed(q.bankId());
                bankEvent("deleted", q.bankId(), call);
            }
            return r;
        };
    }

    private void bankEvent(String what, String bank, Call<?, ?> call) {
        String actor = call.context() == null ? "anonymous" : call.context().principal();
        hooks.fire("on_bank_" + what, bank, Map.of("actor", actor), null);
        audit.record("bank." + what, bank, actor, List.of(), null, Map.of());
    }

    RequestPath.Stage<RecallRequest, RecallResult> recall() {
        return (call, rest) -> {
            RecallResult r = rest.proceed(call);
            if (call.outcome() != Outcome.DEGRADED) {
                for (String bank : call.banks()) {
                    var hits = r.hits().stream().filter(h -> bank.equals(h.bankId())).toList();
                    statistics.recalled(bank, hits.size(), hits.isEmpty() ? 0 : hits.get(0).score());
                }
                track(r.hits());
            }
            return r;
        };
    }

    RequestPath.Stage<ReflectRequest, ReflectResult> reflect() {
        return (call, rest) -> {
            ReflectResult r = rest.proceed(call);
            if (call.outcome() != Outcome.DEGRADED) {
                boolean answered = r.answer() != null && !r.answer().isBlank()
                        && !ReflectResult.NO_MEMORIES_ANSWER.equals(r.answer());
                for (String bank : call.banks()) {
                    statistics.reflected(bank, answered);
                }
                track(r.sources());
            }
            return r;
        };
    }
}
