package io.astrocyte.policy.chain;

import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.observe.BankStatistics;

/**
 * Counts what each call did for its banks' health score (SPEC §6.7): a stored or folded retain and its length,
 * a recall and whether it found anything, a reflect and whether it answered. Degraded calls are not counted:
 * they say nothing about the bank.
 */
final class StatisticsStages {

    private final BankStatistics statistics;

    StatisticsStages(BankStatistics statistics) {
        this.statistics = statistics;
    }

    RequestPath.Stage<RetainRequest, RetainResult> retain() {
        return (call, rest) -> {
            RetainResult r = rest.proceed(call);
            if (r.stored() || r.deduplicated()) {
                statistics.retained(call.original().bankId(), call.original().content().length(), r.deduplicated());
            }
            return r;
        };
    }

    RequestPath.Stage<RecallRequest, RecallResult> recall() {
        return (call, rest) -> {
            RecallResult r = rest.proceed(call);
            if (call.outcome() != Outcome.DEGRADED) {
                for (String bank : call.banks()) {
                    var hits = r.hits().stream().filter(h -> bank.equals(h.bankId())).toList();
                    statistics.recalled(bank, hits.size(), hits.isEmpty() ? 0 : hits.get(0).score());
                }
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
            }
            return r;
        };
    }
}
