package io.astrocyte.policy.chain;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RecallTrace;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.pipeline.recall.RankedRecall;
import io.astrocyte.pipeline.recall.TokenBudget;
import io.astrocyte.pipeline.reflect.Reflector;
import io.astrocyte.policy.BankPolicies;
import io.astrocyte.policy.barrier.OutputDlp;
import io.astrocyte.policy.escalation.StoreCalls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * From ranked memories to what the caller gets: the token budget (the tightest of the banks' budgets unless
 * the request sets one), reflect's answer, then DLP on the output. Each does nothing when the store was
 * unavailable; the escalation stage answers then.
 */
final class OutputStages {

    private final BankPolicies policies;
    private final OutputDlp dlp;
    private final Reflector reflector;
    private final StoreCalls providers;
    private final int reflectRecallResults;
    private final java.util.function.Function<String, java.util.Optional<io.astrocyte.routing.PipelineSpec>> bankPipeline;

    /** @param bankPipeline a bank's MIP pipeline, whose {@code reflect} block styles the answer's prompt */
    OutputStages(BankPolicies policies, OutputDlp dlp, Reflector reflector, StoreCalls providers,
            int reflectRecallResults,
            java.util.function.Function<String, java.util.Optional<io.astrocyte.routing.PipelineSpec>> bankPipeline) {
        this.bankPipeline = bankPipeline;
        this.policies = policies;
        this.dlp = dlp;
        this.reflector = reflector;
        this.providers = providers;
        this.reflectRecallResults = reflectRecallResults;
    }

    RequestPath.Stage<RecallRequest, RecallResult> budget() {
        return (call, rest) -> {
            if (call.unavailable() == null) {
                RecallRequest r = call.request();
                RankedRecall ranked = call.get(RankedRecall.class);
                Integer budget = r.maxTokens() != null ? r.maxTokens()
                        : tightest(call.banks(), b -> policies.homeostasis(b).recallMaxTokens());
                TokenBudget.Trimmed trimmed = TokenBudget.apply(ranked.hits(), r.maxResults(), budget);
                call.result(new RecallResult(trimmed.hits(), ranked.hits().size(), trimmed.truncated(),
                        trace(ranked, trimmed.hits(), call.startNanos()), null));
            }
            return rest.proceed(call);
        };
    }

    /** Reflect's answer from its best memories: by the LLM when there is one, else extractive with citations. */
    RequestPath.Stage<ReflectRequest, ReflectResult> answer() {
        return (call, rest) -> {
            if (call.unavailable() == null) {
                List<MemoryHit> all = call.get(RankedRecall.class).hits();
                List<MemoryHit> hits = all.subList(0, Math.min(reflectRecallResults, all.size()));
                ReflectRequest r = call.request();
                Integer maxTokens = r.maxTokens() != null ? r.maxTokens()
                        : tightest(call.banks(), b -> policies.homeostasis(b).reflectMaxTokens());
                io.astrocyte.routing.PipelineSpec.Reflect style = call.banks().isEmpty() ? null
                        : bankPipeline.apply(call.banks().get(0)).map(io.astrocyte.routing.PipelineSpec::reflect).orElse(null);
                call.result(providers.guarded(() -> reflector.reflect(r, hits, maxTokens, style)));
            }
            return rest.proceed(call);
        };
    }

    RequestPath.Stage<RecallRequest, RecallResult> recallDlp() {
        return (call, rest) -> {
            RecallResult r = call.result();
            if (r != null) {
                call.result(new RecallResult(dlp.recall(r.hits()), r.totalAvailable(), r.truncated(), r.trace(),
                        null));
            }
            return rest.proceed(call);
        };
    }

    RequestPath.Stage<ReflectRequest, ReflectResult> reflectDlp() {
        return (call, rest) -> {
            if (call.result() != null) {
                call.result(dlp.reflect(call.result()));
            }
            return rest.proceed(call);
        };
    }

    /** The smallest budget any of the banks sets ({@code null} when none sets one): a bank's cap holds in any mix. */
    private static Integer tightest(List<String> banks, Function<String, Integer> budget) {
        Integer min = null;
        for (String b : banks) {
            Integer v = budget.apply(b);
            if (v != null && (min == null || v < min)) {
                min = v;
            }
        }
        return min;
    }

    private static RecallTrace trace(RankedRecall ranked, List<MemoryHit> returned, long startNanos) {
        Map<String, Integer> layers = new LinkedHashMap<>();
        for (MemoryHit h : returned) {
            layers.merge(h.memoryLayer() == null ? "fact" : h.memoryLayer(), 1, Integer::sum);
        }
        return new RecallTrace(ranked.strategiesUsed(), ranked.hits().size(), "rrf",
                (System.nanoTime() - startNanos) / 1e6, ranked.strategyTimingsMs(), ranked.strategyCandidateCounts(),
                null, layers, false, false);
    }
}
