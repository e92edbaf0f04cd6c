package io.astrocyte.policy.chain;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.pipeline.ForgetPipeline;
import io.astrocyte.pipeline.RetainPipeline;
import io.astrocyte.pipeline.recall.RankedRecall;
import io.astrocyte.pipeline.recall.RecallPipeline;
import io.astrocyte.policy.escalation.StoreCalls;
import io.astrocyte.routing.MultiBankRecall;
import java.util.List;

/**
 * The work itself, through the circuit breaker: retain's chunk → embed → dedup → write, recall's ranking
 * over one bank or several, forget. A store that is unavailable leaves the failure on the call for the
 * escalation stage; forget has none and fails.
 */
final class StoreStages {

    private final StoreCalls store;
    private final RetainPipeline retain;
    private final RecallPipeline recall;
    private final MultiBankRecall multiBank;
    private final ForgetPipeline forget;
    private final int reflectRecallResults;

    StoreStages(StoreCalls store, RetainPipeline retain, RecallPipeline recall, MultiBankRecall multiBank,
            ForgetPipeline forget, int reflectRecallResults) {
        this.store = store;
        this.retain = retain;
        this.recall = recall;
        this.multiBank = multiBank;
        this.forget = forget;
        this.reflectRecallResults = reflectRecallResults;
    }

    /** Dedup runs here because it compares embeddings, which this stage computes. */
    RequestPath.Stage<RetainRequest, RetainResult> retain(boolean dedup) {
        return (call, rest) -> {
            try {
                io.astrocyte.routing.PipelineSpec spec = call.find(io.astrocyte.routing.PipelineSpec.class).orElse(null);
                RetainResult r = store.call(() -> retain.retain(call.request(), dedup, spec));
                call.result(r);
                if (!r.stored()) {
                    call.outcome(Outcome.REJECTED);
                }
            } catch (ProviderUnavailableException e) {
                call.unavailable(e);
            }
            return rest.proceed(call);
        };
    }

    RequestPath.Stage<RecallRequest, RecallResult> recall() {
        return (call, rest) -> {
            rank(call, call.request());
            return rest.proceed(call);
        };
    }

    RequestPath.Stage<ReflectRequest, ReflectResult> reflect() {
        return (call, rest) -> {
            rank(call, call.request().toRecall(reflectRecallResults));
            return rest.proceed(call);
        };
    }

    private void rank(Call<?, ?> call, RecallRequest request) {
        List<String> banks = call.banks();
        try {
            call.put(RankedRecall.class, banks.size() == 1 ? store.call(() -> recall.rank(request, banks.get(0)))
                    : store.call(() -> multiBank.recall(request, banks)));
        } catch (ProviderUnavailableException e) {
            call.unavailable(e);
        }
    }

    RequestPath.Stage<ForgetRequest, ForgetResult> forget() {
        return (call, rest) -> {
            io.astrocyte.routing.ForgetSpec spec = call.find(RoutingStage.BankForget.class)
                    .map(RoutingStage.BankForget::spec).orElse(null);
            call.result(store.call(() -> forget.forget(call.request(), spec)));
            return rest.proceed(call);
        };
    }
}
