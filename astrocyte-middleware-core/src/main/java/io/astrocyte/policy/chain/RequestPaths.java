package io.astrocyte.policy.chain;

import io.astrocyte.routing.MipConfig;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AccessManager;
import io.astrocyte.lifecycle.LegalHolds;
import io.astrocyte.observe.BankStatistics;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.observe.Telemetry;
import io.astrocyte.pipeline.ForgetPipeline;
import io.astrocyte.pipeline.RetainPipeline;
import io.astrocyte.pipeline.recall.RecallPipeline;
import io.astrocyte.pipeline.reflect.Reflector;
import io.astrocyte.policy.BankPolicies;
import io.astrocyte.policy.Verb;
import io.astrocyte.policy.barrier.OutputDlp;
import io.astrocyte.policy.escalation.StoreCalls;
import io.astrocyte.policy.homeostasis.Quotas;
import io.astrocyte.policy.homeostasis.RateLimits;
import io.astrocyte.policy.signal.NoisyBankMonitor;
import io.astrocyte.routing.MultiBankRecall;
import io.astrocyte.audit.AuditRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The request path of every verb, in one place: the ordered stages each runs (SPEC §3.7, ARCHITECTURE
 * "Request path"). Reading this class is reading the policy order; {@code RequestPathOrderTest} checks it.
 */
public final class RequestPaths {

    /** What the stages work with. */
    public record Parts(AstrocyteConfig config, Clock clock, Telemetry telemetry, HookDispatcher hooks,
            AccessController access, AccessManager accessManager, RateLimits rateLimits, Quotas quotas,
            NoisyBankMonitor noisyBanks, BankPolicies policies, StoreCalls store, RetainPipeline retainPipeline,
            RecallPipeline recallPipeline, MultiBankRecall multiBank, Reflector reflector,
            ForgetPipeline forgetPipeline, OutputDlp dlp, LegalHolds legalHolds, AuditRecorder audit,
            BankStatistics statistics, io.astrocyte.lifecycle.RecallTracker recallTracker,
            io.astrocyte.routing.MipRouter mip, io.astrocyte.spi.Embedder embedder, io.astrocyte.spi.VectorStore vectorStore) {
    }

    private final RequestPath<RetainRequest, RetainResult> retain;
    private final RequestPath<RetainRequest, RetainResult> importRetain;
    private final RequestPath<RecallRequest, RecallResult> recall;
    private final RequestPath<ReflectRequest, ReflectResult> reflect;
    private final RequestPath<ForgetRequest, ForgetResult> forget;

    public RequestPaths(Parts p) {
        int reflectRecall = p.config().pipeline().reflect().recallResults();
        SpanStage span = new SpanStage(p.telemetry());
        AccessStages access = new AccessStages(p.access(), p.accessManager(), p.config().identity());
        LimitStages limits = new LimitStages(p.rateLimits(), p.quotas(), p.hooks());
        SignalStages signal = new SignalStages(p.noisyBanks());
        BarrierStages barriers = new BarrierStages(p.policies(), p.telemetry(), p.hooks());
        StoreStages store = new StoreStages(p.store(), p.retainPipeline(), p.recallPipeline(), p.multiBank(),
                p.forgetPipeline(), reflectRecall);
        OutputStages output = new OutputStages(p.policies(), p.dlp(), p.reflector(), p.store(), reflectRecall,
                bank -> p.mip() == null ? java.util.Optional.empty()
                        : p.mip().config().pipelineFor(bank, p.clock().instant()).map(MipConfig.Lookup::value));
        EscalationStages escalation = new EscalationStages(p.config().escalation(), p.clock());
        EventStages events = new EventStages(p.hooks(), p.telemetry());
        AuditStages audit = new AuditStages(p.audit());
        RoutingStage routing = new RoutingStage(p.mip(), p.access(), p.policies(), p.embedder(), p.vectorStore(),
                p.store(), p.telemetry());
        StatisticsStages statistics = new StatisticsStages(p.statistics(), p.recallTracker(), p.hooks(),
                p.audit());

        retain = RequestPath.<RetainRequest, RetainResult>builder(Verb.RETAIN)
                .stage("span", span.span(RetainRequest::bankId))
                .stage("request", SpanStage.request())
                .stage("access", access.write(RetainRequest::bankId))
                .stage("mip", routing.retain())
                .stage("rate_limit", limits.rate())
                .stage("quota", limits.quota((call, r) -> r.stored()))
                .stage("noisy_bank", signal.noisyBank())
                .stage("validation", barriers.validation())
                .stage("pii", barriers.pii())
                .stage("metadata", barriers.metadata())
                .stage("store", store.retain(true))
                .stage("escalation", escalation.retain())
                .stage("audit", audit.retain())
                .stage("statistics", statistics.retain())
                .stage("events", events.retain())
                .build();
        // An import is checked once for the whole file; each memory then passes the content barriers.
        importRetain = RequestPath.<RetainRequest, RetainResult>builder(Verb.IMPORT)
                .stage("validation", barriers.validation())
                .stage("pii", barriers.pii())
                .stage("metadata", barriers.metadata())
                .stage("store", store.retain(false))
                .build();
        recall = RequestPath.<RecallRequest, RecallResult>builder(Verb.RECALL)
                .stage("span", span.span(RecallRequest::bankId))
                .stage("request", SpanStage.request())
                .stage("access", access.read(RecallRequest::targetBanks))
                .stage("rate_limit", limits.rate())
                .stage("store", store.recall())
                .stage("budget", output.budget())
                .stage("dlp", output.recallDlp())
                .stage("escalation", escalation.recall())
                .stage("audit", audit.recall())
                .stage("statistics", statistics.recall())
                .stage("events", events.recall())
                .build();
        reflect = RequestPath.<ReflectRequest, ReflectResult>builder(Verb.REFLECT)
                .stage("span", span.span(ReflectRequest::bankId))
                .stage("request", SpanStage.request())
                .stage("access", access.read(ReflectRequest::targetBanks))
                .stage("rate_limit", limits.rate())
                .stage("quota", limits.quota((call, r) -> call.outcome() != Outcome.DEGRADED))
                .stage("store", store.reflect())
                .stage("answer", output.answer())
                .stage("dlp", output.reflectDlp())
                .stage("escalation", escalation.reflect())
                .stage("statistics", statistics.reflect())
                .stage("events", events.reflect())
                .build();
        forget = RequestPath.<ForgetRequest, ForgetResult>builder(Verb.FORGET)
                .stage("span", span.span(ForgetRequest::bankId))
                .stage("request", SpanStage.request())
                .stage("access", access.forget())
                .stage("mip", routing.forget())
                .stage("legal_hold", (call, rest) -> {
                    // a bank whose MIP forget spec respects holds keeps even compliance forgets from a held bank
                    boolean holdBlocksCompliance = call.find(RoutingStage.BankForget.class)
                            .map(f -> Boolean.TRUE.equals(f.spec().respectLegalHold())).orElse(false);
                    p.legalHolds().checkForget(call.request().bankId(),
                            call.request().compliance() && !holdBlocksCompliance);
                    return rest.proceed(call);
                })
                .stage("compliance_log", AccessStages.complianceLog())
                .stage("store", store.forget())
                .stage("audit", audit.forget())
                .stage("statistics", statistics.forget())
                .stage("events", events.forget())
                .build();
    }

    public RetainResult retain(RetainRequest request, io.astrocyte.identity.AstrocyteContext context) {
        return retain.run(new Call<>(Verb.RETAIN, request, context));
    }

    /** One memory of an import, after the import itself was allowed: barriers and store, no dedup. */
    public RetainResult importRetain(RetainRequest request) {
        return importRetain.run(new Call<>(Verb.IMPORT, request, null));
    }

    public RecallResult recall(RecallRequest request, io.astrocyte.identity.AstrocyteContext context) {
        return recall.run(new Call<>(Verb.RECALL, request, context));
    }

    public ReflectResult reflect(ReflectRequest request, io.astrocyte.identity.AstrocyteContext context) {
        return reflect.run(new Call<>(Verb.REFLECT, request, context));
    }

    public ForgetResult forget(ForgetRequest request, io.astrocyte.identity.AstrocyteContext context) {
        return forget.run(new Call<>(Verb.FORGET, request, context));
    }

    /** The stage names of each verb's path, in order. */
    public Map<Verb, List<String>> stages() {
        return Map.of(Verb.RETAIN, retain.stages(), Verb.IMPORT, importRetain.stages(), Verb.RECALL,
                recall.stages(), Verb.REFLECT, reflect.stages(), Verb.FORGET, forget.stages());
    }
}
