package io.astrocyte;

import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.HistoryResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RecallTrace;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.AccessManager;
import io.astrocyte.lifecycle.BankExporter;
import io.astrocyte.config.EscalationConfig;
import io.astrocyte.config.SignalQualityConfig;
import io.astrocyte.config.HookConfig;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.policy.BankPolicies;
import io.astrocyte.observe.LogHook;
import io.astrocyte.observe.Telemetry;
import io.astrocyte.observe.WebhookHook;
import io.astrocyte.spi.MemoryEventListener;
import io.astrocyte.policy.escalation.DegradedCache;
import io.astrocyte.policy.escalation.StoreBreaker;
import io.astrocyte.policy.homeostasis.LocalRateLimitStore;
import io.astrocyte.policy.homeostasis.Quotas;
import io.astrocyte.policy.homeostasis.RateLimits;
import io.astrocyte.policy.barrier.OutputDlp;
import io.astrocyte.policy.barrier.PiiBarrier;
import io.astrocyte.lifecycle.BankImporter;
import io.astrocyte.lifecycle.PortabilityPaths;
import io.astrocyte.identity.ExternalPolicyAccessController;
import io.astrocyte.identity.GrantAccessController;
import io.astrocyte.identity.Permission;
import io.astrocyte.pipeline.ForgetPipeline;
import io.astrocyte.pipeline.RetainPipeline;
import io.astrocyte.policy.signal.Deduplicator;
import io.astrocyte.policy.signal.NoisyBankMonitor;
import io.astrocyte.pipeline.recall.HeuristicReranker;
import io.astrocyte.pipeline.recall.RankedRecall;
import io.astrocyte.pipeline.recall.RecallPipeline;
import io.astrocyte.pipeline.recall.TokenBudget;
import io.astrocyte.pipeline.reflect.Reflector;
import io.astrocyte.routing.MultiBankRecall;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.AccessPolicyProvider;
import io.astrocyte.spi.RateLimitStore;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.HealthStatus;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.ProviderFactory;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memory of an agent: {@code retain}, {@code recall}, {@code reflect}, {@code forget} and
 * {@code history} on named banks, always for an identity. Thread-safe; build one per application and
 * {@link #close()} it on shutdown.
 *
 * <pre>{@code
 * try (Astrocyte brain = Astrocyte.builder().build()) {          // embedded store + local embedder
 *     AstrocyteContext alice = AstrocyteContext.of("user:alice");
 *     brain.retain(RetainRequest.of("user-alice", "Alice prefers dark mode"), alice);
 *     RecallResult r = brain.recall(RecallRequest.of("user-alice", "UI preferences"), alice);
 * }
 * }</pre>
 *
 * <p>Every call takes the same path: request validation (in the request records) → access check on
 * every bank touched → content checks → the pipeline, whose store failures surface as
 * {@link ProviderUnavailableException} → token budget. The policy stages that later work adds (rate
 * limits, PII, dedup, DLP, hooks) slot into this order without changing the signatures.
 */
public final class Astrocyte implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Astrocyte.class);
    private static final Logger COMPLIANCE_LOG = LoggerFactory.getLogger("astrocyte.compliance.forget");
    private static final Duration MULTI_BANK_TIMEOUT = Duration.ofSeconds(30);

    private final AstrocyteConfig config;
    private final VectorStore store;
    private final Embedder embedder;
    private final LlmProvider llm;
    private final AccessController access;
    private final AccessManager accessManager;
    private final BankPolicies policies;
    private final RetainPipeline retainPipeline;
    private final RecallPipeline recallPipeline;
    private final MultiBankRecall multiBank;
    private final Reflector reflector;
    private final ForgetPipeline forgetPipeline;
    private final Telemetry telemetry;
    private final HookDispatcher hooks;
    private final NoisyBankMonitor noisyBanks;
    private final RateLimits rateLimits;
    private final StoreBreaker breaker;
    private final DegradedCache<DegradedKey, RecallResult> recallCache;
    private final DegradedCache<DegradedKey, ReflectResult> reflectCache;
    private final Quotas quotas;
    private final OutputDlp dlp;
    private final BankExporter exporter;
    private final BankImporter importer;
    private final PortabilityPaths portabilityPaths;
    private final ExecutorService strategyPool;
    private final ExecutorService asyncPool;
    private final List<AutoCloseable> owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Astrocyte(Builder b, AstrocyteConfig config, VectorStore store, Embedder embedder, LlmProvider llm,
            GovernanceStore governance, AccessPolicyProvider policyProvider, List<AutoCloseable> owned) {
        this.config = config;
        this.store = store;
        this.embedder = embedder;
        this.llm = llm;
        this.owned = owned;
        GrantAccessController grants = b.accessController != null ? null
                : new GrantAccessController(config.accessControl(), config.grants(), governance,
                        new io.astrocyte.identity.BankResolver(config.identity()));
        if (b.accessController != null) {
            this.access = b.accessController;
        } else if (policyProvider != null) {
            this.access = new ExternalPolicyAccessController(grants, policyProvider, config.accessControl());
        } else {
            this.access = grants;
        }
        this.accessManager = new AccessManager(access, grants, governance, config);
        Clock clock = b.clock != null ? b.clock : Clock.systemUTC();
        int cores = Runtime.getRuntime().availableProcessors();
        this.strategyPool = pool("astrocyte-recall", Math.max(4, cores * 2));
        this.asyncPool = pool("astrocyte-async", Math.max(2, cores));
        this.policies = new BankPolicies(config, llm);
        this.telemetry = new Telemetry(b.meterRegistry != null ? b.meterRegistry : Metrics.globalRegistry,
                b.observationRegistry != null ? b.observationRegistry : ObservationRegistry.NOOP, store.name(),
                config.observability().bankLabel());
        List<HookDispatcher.Hook> hookList = new ArrayList<>();
        for (MemoryEventListener l : b.listeners) {
            hookList.add(new HookDispatcher.Hook(l, true));
        }
        for (HookConfig h : config.hooks()) {
            MemoryEventListener l = h.type() == HookConfig.Type.WEBHOOK ? new WebhookHook(h) : new LogHook(h);
            hookList.add(new HookDispatcher.Hook(l, h.async()));
        }
        this.hooks = new HookDispatcher(hookList, clock);
        this.retainPipeline = new RetainPipeline(store, embedder, config.pipeline().chunker(), clock,
                new Deduplicator(store, bank -> config.signalQualityFor(bank).dedup(), this::onDuplicates));
        this.noisyBanks = new NoisyBankMonitor(bank -> config.signalQualityFor(bank).noisyBank(), clock,
                this::onNoisyBank, NoisyBankMonitor.DEFAULT_MAX_BANKS);
        KeywordIndex keywords = store instanceof KeywordIndex k ? k : null;
        this.recallPipeline = new RecallPipeline(store, keywords, embedder, config.pipeline().recall(),
                new HeuristicReranker(config.pipeline().rerank()), strategyPool, clock);
        this.multiBank = new MultiBankRecall(recallPipeline::rank, asyncPool, MULTI_BANK_TIMEOUT);
        this.reflector = new Reflector(llm, config.pipeline().reflect(), config.defaults().dispositions());
        this.forgetPipeline = new ForgetPipeline(store, clock);
        this.rateLimits = new RateLimits(config.homeostasis().rateLimits(),
                bank -> config.homeostasisFor(bank).rateLimits(), config.agents(),
                b.rateLimitStore != null ? b.rateLimitStore
                        : new LocalRateLimitStore(clock, LocalRateLimitStore.DEFAULT_MAX_BUCKETS));
        this.quotas = new Quotas(bank -> config.homeostasisFor(bank).quotas(), governance, clock);
        this.breaker = new StoreBreaker(store.name(), config.escalation().circuitBreaker(), clock);
        telemetry.gauge("astrocyte.circuit_breaker.state", breaker, br -> br.state().ordinal());
        breaker.onTransition(state -> hooks.fire(state == StoreBreaker.State.OPEN ? "on_circuit_breaker_open"
                : "on_circuit_breaker_close", null, Map.of("provider", store.name(), "state", state.name()), null));
        boolean caching = config.escalation().degradedMode() == EscalationConfig.DegradedMode.CACHE;
        EscalationConfig.Cache cacheConfig = config.escalation().cache();
        this.recallCache = caching ? new DegradedCache<>(cacheConfig.maxEntries(),
                Duration.ofSeconds(cacheConfig.ttlSeconds()), clock) : null;
        this.reflectCache = caching ? new DegradedCache<>(cacheConfig.maxEntries(),
                Duration.ofSeconds(cacheConfig.ttlSeconds()), clock) : null;
        this.dlp = new OutputDlp(config.dlp(), config.barriers().pii());
        this.exporter = new BankExporter(store, clock);
        this.importer = new BankImporter(store, r -> retainAllowed(r, false), clock);
        this.portabilityPaths = new PortabilityPaths(b.environment != null ? b.environment : System::getenv);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An instance configured from {@code astrocyte.yaml}; providers are discovered as in {@link #builder()}. */
    public static Astrocyte fromConfig(Path path) {
        return builder().config(AstrocyteConfig.load(path)).build();
    }

    /** An instance configured from a map shaped like {@code astrocyte.yaml}. */
    public static Astrocyte fromConfig(Map<String, ?> config) {
        return builder().config(ConfigLoader.withSystemEnvironment().fromMap(config)).build();
    }

    /** The rate limits of this instance, e.g. to register a resolved agent's own limits. */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * Grants, revocations, access checks and bank resolution for this instance (SPEC §2.3–2.4); see
     * {@link AccessManager}.
     */
    public AccessManager access() {
        return accessManager;
    }

    // ---- retain -----------------------------------------------------------------------------------

    /**
     * Stores content as one memory per chunk. Content that fails validation (empty, too long, disallowed
     * type) returns {@code stored=false} with the reason and writes nothing.
     *
     * @throws AuthorizationException       no context, and anonymous calls are not allowed
     * @throws AccessDeniedException        the context may not write to the bank
     * @throws ProviderUnavailableException the store or embedder failed; nothing was acknowledged
     */
    public RetainResult retain(RetainRequest request, AstrocyteContext context) {
        RetainResult r = rateHooked("retain", () -> telemetry.observe("retain",
                request == null ? null : request.bankId(), () -> doRetain(request, context),
                x -> x.stored() ? "ok" : x.error() != null && x.error().startsWith("memory unavailable")
                        ? "degraded" : "rejected"));
        if (r.stored()) {
            hooks.fire("on_retain", request.bankId(), Map.of("memory_id", r.memoryId(), "memory_count",
                    r.memoryIds().size(), "content_length", request.content().length()),
                    () -> Map.of("content", request.content()));
        }
        return r;
    }

    /** Fires {@code on_rate_limited} for a refused call, then lets the refusal through. */
    private <T> T rateHooked(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RateLimitedException e) {
            hooks.fire("on_rate_limited", e.bankId(), Map.of("operation", operation,
                    "retry_after_seconds", e.retryAfterSeconds()), null);
            throw e;
        }
    }

    private RetainResult doRetain(RetainRequest request, AstrocyteContext context) {
        ensureOpen();
        require(request);
        access.check(context, request.bankId(), Permission.WRITE);
        rateLimits.acquire(RateLimits.Verb.RETAIN, List.of(request.bankId()), context);
        quotas.check(RateLimits.Verb.RETAIN, request.bankId());
        Optional<String> noisy = noisyBanks.admit(request.bankId());
        if (noisy.isPresent()) {
            return RetainResult.rejected(noisy.get());
        }
        RetainResult result;
        try {
            result = retainAllowed(request, true);
        } catch (ProviderUnavailableException e) {
            if (config.escalation().degradedMode() == EscalationConfig.DegradedMode.ERROR) {
                throw e;
            }
            LOG.warn("retain into {} not stored, memory unavailable: {}", request.bankId(), e.getMessage());
            return RetainResult.rejected("memory unavailable: " + e.getMessage());
        }
        if (result.stored()) {
            quotas.record(RateLimits.Verb.RETAIN, request.bankId());
        }
        if (result.stored() || result.deduplicated()) {
            noisyBanks.record(request.bankId(), request.content().length(), result.deduplicated());
        }
        return result;
    }

    private void onDuplicates(Deduplicator.Event e) {
        String action = e.action().name().toLowerCase(java.util.Locale.ROOT);
        telemetry.deduplicated(e.bankId(), action, e.matches().size());
        Deduplicator.Match first = e.matches().get(0);
        LOG.atLevel(e.action() == SignalQualityConfig.DedupAction.WARN ? org.slf4j.event.Level.WARN
                : org.slf4j.event.Level.DEBUG).log("astrocyte.signal.dedup bank={} action={} duplicates={}/{} "
                        + "first_duplicate_of={} similarity={}", e.bankId(), action, e.matches().size(), e.chunks(),
                first.inBatch() ? "(same retain)" : first.existingId(), String.format(java.util.Locale.ROOT, "%.3f",
                        first.similarity()));
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("action", action);
        data.put("duplicate_count", e.matches().size());
        data.put("chunk_count", e.chunks());
        if (!first.inBatch()) {
            data.put("duplicate_of", first.existingId());
        }
        hooks.fire("on_dedup_detected", e.bankId(), data, null);
    }

    private void onNoisyBank(NoisyBankMonitor.Transition t) {
        telemetry.noisyBank(t.bankId(), t.noisy());
        String action = t.action().name().toLowerCase(java.util.Locale.ROOT);
        if (t.noisy()) {
            LOG.warn("astrocyte.signal.noisy_bank bank={} reasons={} action={}", t.bankId(), t.reasons(), action);
        } else {
            LOG.info("astrocyte.signal.noisy_bank bank={} recovered", t.bankId());
        }
        hooks.fire("on_noisy_bank", t.bankId(), Map.of("noisy", t.noisy(), "reasons", t.reasons().stream()
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.joining(",")),
                "action", action), null);
    }

    /** The retain path after the access check: shared by retain and import (which skips dedup). */
    private RetainResult retainAllowed(RetainRequest request, boolean dedup) {
        BankPolicies.Barriers barriers = policies.barriers(request.bankId());
        Optional<String> invalid = barriers.validator().check(request);
        if (invalid.isPresent()) {
            return RetainResult.rejected(invalid.get());
        }
        PiiBarrier.Result pii;
        try {
            pii = barriers.pii().apply(request.content(), request.bankId());
        } catch (PiiRejectedException e) {
            telemetry.piiDetected(request.bankId(), "reject");
            hooks.fire("on_pii_detected", request.bankId(), Map.of("pii_types", String.join(",", e.piiTypes()),
                    "action", "reject"), null);
            throw e;
        }
        if (pii.detected()) {
            String action = pii.redacted() ? "redact" : "warn";
            telemetry.piiDetected(request.bankId(), action);
            hooks.fire("on_pii_detected", request.bankId(), Map.of("pii_types", String.join(",", pii.types()),
                    "action", action), null);
        }
        RetainRequest clean = request.sanitized(pii.text(), barriers.metadata().sanitize(request.metadata()),
                pii.detected());
        return storeCall(() -> retainPipeline.retain(clean, dedup));
    }

    public CompletableFuture<RetainResult> retainAsync(RetainRequest request, AstrocyteContext context) {
        return async(() -> retain(request, context));
    }

    // ---- recall -----------------------------------------------------------------------------------

    /**
     * Finds memories relevant to the query by hybrid search (dense + BM25 + recency, RRF-fused, reranked),
     * trimmed to {@code max_results} and the token budget, with a trace of how it ran.
     *
     * @throws InvalidRequestException the request names no bank
     * @throws AccessDeniedException   the context may not read one of the banks
     */
    public RecallResult recall(RecallRequest request, AstrocyteContext context) {
        RecallResult result = rateHooked("recall", () -> telemetry.observe("recall",
                request == null ? null : request.bankId(), () -> {
                    RecallResult r = doRecall(request, context);
                    if (r.truncated()) {
                        telemetry.truncated(request.bankId());
                    }
                    return r;
                }, r -> "degraded".equals(r.trace() == null ? null : r.trace().fusionMethod()) ? "degraded" : "ok"));
        hooks.fire("on_recall", request.bankId(), Map.of("query_length", request.query().length(),
                "result_count", result.hits().size(), "bank_count", request.targetBanks().size()),
                () -> Map.of("query", request.query()));
        return result;
    }

    private RecallResult doRecall(RecallRequest request, AstrocyteContext context) {
        ensureOpen();
        require(request);
        long start = System.nanoTime();
        List<String> banks = readableBanks(request.targetBanks(), context);
        rateLimits.acquire(RateLimits.Verb.RECALL, banks, context);
        DegradedKey key = new DegradedKey(banks, request);
        RankedRecall ranked;
        try {
            ranked = rank(request, banks);
        } catch (ProviderUnavailableException e) {
            return degradedRecall(key, e, start);
        }
        Integer budget = request.maxTokens() != null ? request.maxTokens()
                : tightest(banks, b -> policies.homeostasis(b).recallMaxTokens());
        TokenBudget.Trimmed trimmed = TokenBudget.apply(ranked.hits(), request.maxResults(), budget);
        List<MemoryHit> hits = dlp.recall(trimmed.hits());
        RecallResult result = new RecallResult(hits, ranked.hits().size(), trimmed.truncated(),
                trace(ranked, hits, start), null);
        if (recallCache != null) {
            recallCache.put(key, result);
        }
        return result;
    }

    /** The value-equal key of a request on its resolved banks, for {@code degraded_mode: cache}. */
    private record DegradedKey(List<String> banks, Object request) {
    }

    private RecallResult degradedRecall(DegradedKey key, ProviderUnavailableException e, long startNanos) {
        if (config.escalation().degradedMode() == EscalationConfig.DegradedMode.ERROR) {
            throw e;
        }
        LOG.warn("recall on {} degraded, memory unavailable: {}", key.banks(), e.getMessage());
        Optional<RecallResult> cached = recallCache == null ? Optional.empty() : recallCache.get(key);
        RecallTrace trace = new RecallTrace(List.of(), 0, "degraded", (System.nanoTime() - startNanos) / 1e6,
                Map.of(), Map.of(), null, Map.of(), cached.isPresent(), false);
        return cached.map(c -> new RecallResult(c.hits(), c.totalAvailable(), c.truncated(), trace, null))
                .orElseGet(() -> new RecallResult(List.of(), 0, false, trace, null));
    }

    /** Whether the store's circuit breaker is closed, open or half-open. */
    public StoreBreaker.State circuitState() {
        return breaker.state();
    }

    public CompletableFuture<RecallResult> recallAsync(RecallRequest request, AstrocyteContext context) {
        return async(() -> recall(request, context));
    }

    // ---- reflect ----------------------------------------------------------------------------------

    /**
     * Answers a question from memory: with an LLM it synthesizes from the best memories, without one it
     * answers extractively and cites memory ids. No relevant memory gives the fixed
     * {@link ReflectResult#NO_MEMORIES_ANSWER}.
     */
    public ReflectResult reflect(ReflectRequest request, AstrocyteContext context) {
        ReflectResult a = rateHooked("reflect", () -> telemetry.observe("reflect",
                request == null ? null : request.bankId(), () -> doReflect(request, context),
                r -> ReflectResult.UNAVAILABLE_ANSWER.equals(r.answer()) ? "degraded" : "ok"));
        hooks.fire("on_reflect", request.bankId(), Map.of("query_length", request.query().length(),
                "answer_length", a.answer() == null ? 0 : a.answer().length(),
                "bank_count", request.targetBanks().size()),
                () -> Map.of("query", request.query(), "answer", a.answer() == null ? "" : a.answer()));
        return a;
    }

    private ReflectResult doReflect(ReflectRequest request, AstrocyteContext context) {
        ensureOpen();
        require(request);
        List<String> banks = readableBanks(request.targetBanks(), context);
        rateLimits.acquire(RateLimits.Verb.REFLECT, banks, context);
        for (String bank : banks) {
            quotas.check(RateLimits.Verb.REFLECT, bank);
        }
        int recallResults = config.pipeline().reflect().recallResults();
        DegradedKey key = new DegradedKey(banks, request);
        RankedRecall ranked;
        try {
            ranked = rank(request.toRecall(recallResults), banks);
        } catch (ProviderUnavailableException e) {
            if (config.escalation().degradedMode() == EscalationConfig.DegradedMode.ERROR) {
                throw e;
            }
            LOG.warn("reflect on {} degraded, memory unavailable: {}", banks, e.getMessage());
            return (reflectCache == null ? Optional.<ReflectResult>empty() : reflectCache.get(key)).orElseGet(() ->
                    new ReflectResult(ReflectResult.UNAVAILABLE_ANSWER, 0.0, List.of(),
                            List.of("memory unavailable: degraded mode"), null));
        }
        List<MemoryHit> hits = ranked.hits().subList(0, Math.min(recallResults, ranked.hits().size()));
        Integer maxTokens = request.maxTokens() != null ? request.maxTokens()
                : tightest(banks, b -> policies.homeostasis(b).reflectMaxTokens());
        ReflectResult answer = dlp.reflect(guard(() -> reflector.reflect(request, hits, maxTokens)));
        for (String bank : banks) {
            quotas.record(RateLimits.Verb.REFLECT, bank);
        }
        if (reflectCache != null) {
            reflectCache.put(key, answer);
        }
        return answer;
    }

    public CompletableFuture<ReflectResult> reflectAsync(ReflectRequest request, AstrocyteContext context) {
        return async(() -> reflect(request, context));
    }

    // ---- forget -----------------------------------------------------------------------------------

    /**
     * Forgets memories. A normal forget is a soft delete: the memories vanish from recall but
     * {@link #history} as of an earlier moment still shows them. {@code compliance=true} purges them
     * physically, including earlier soft-deleted ones, and is logged.
     *
     * @throws AuthorizationException a compliance forget without an identity
     * @throws AccessDeniedException  selective forget needs {@code forget}; {@code scope=all} and
     *                                compliance need {@code admin}
     */
    public ForgetResult forget(ForgetRequest request, AstrocyteContext context) {
        ForgetResult f = telemetry.observe("forget", request == null ? null : request.bankId(),
                () -> doForget(request, context), r -> "ok");
        hooks.fire("on_forget", request.bankId(), Map.of("deleted_count", f.deletedCount(),
                "archived_count", f.archivedCount()), null);
        return f;
    }

    private ForgetResult doForget(ForgetRequest request, AstrocyteContext context) {
        ensureOpen();
        require(request);
        if (request.compliance() && context == null) {
            throw new AuthorizationException("a compliance forget needs an identity");
        }
        Permission needed = request.isScopeAll() || request.compliance() ? Permission.ADMIN : Permission.FORGET;
        access.check(context, request.bankId(), needed);
        if (request.compliance()) {
            COMPLIANCE_LOG.warn("event=astrocyte.compliance.forget actor={} bank_id={} reason={} scope={}",
                    context.principal(), request.bankId(), request.reason(),
                    request.isScopeAll() ? "all" : "selective");
        }
        return storeCall(() -> forgetPipeline.forget(request));
    }

    public CompletableFuture<ForgetResult> forgetAsync(ForgetRequest request, AstrocyteContext context) {
        return async(() -> forget(request, context));
    }

    // ---- export / import (AMA JSONL) ---------------------------------------------------------------

    /**
     * Writes the bank's live memories as AMA JSONL to {@code file}, atomically (SPEC §1.8).
     *
     * @return the number of memories exported
     * @throws AccessDeniedException  the context lacks {@code admin} on the bank
     * @throws io.astrocyte.lifecycle.PathNotAllowedException the path is outside the allowed roots
     */
    public long exportBank(ExportRequest request, Path file, AstrocyteContext context) {
        ensureOpen();
        require(request);
        access.check(context, request.bankId(), Permission.ADMIN);
        Path target = portabilityPaths.check(file, request.allowedRoots(), request.allowUncontained());
        long count = storeCall(() -> exporter.export(request, target));
        hooks.fire("on_export", request.bankId(), Map.of("memory_count", count, "path", target.toString()), null);
        return count;
    }

    /** Writes the export to a stream, which stays open; no path checks apply. */
    public long exportBank(ExportRequest request, java.io.OutputStream out, AstrocyteContext context) {
        ensureOpen();
        require(request);
        Objects.requireNonNull(out, "out");
        access.check(context, request.bankId(), Permission.ADMIN);
        long count = storeCall(() -> exporter.export(request, out));
        hooks.fire("on_export", request.bankId(), Map.of("memory_count", count), null);
        return count;
    }

    /**
     * Retains every memory of an AMA JSONL file into the request's bank, through the policy layer.
     *
     * @throws AccessDeniedException  the context lacks {@code admin} on the target bank
     * @throws InvalidRequestException the header is missing or of another AMA version (nothing is imported)
     */
    public ImportResult importBank(ImportRequest request, Path file, AstrocyteContext context) {
        ensureOpen();
        require(request);
        checkImport(request, context);
        Path source = portabilityPaths.check(file, request.allowedRoots(), request.allowUncontained());
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(source)) {
            return imported(request, importer.importFrom(request, in));
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("path", "cannot read " + source + ": " + e.getMessage());
        }
    }

    /** Imports from a stream, which stays open; no path checks apply. */
    public ImportResult importBank(ImportRequest request, java.io.InputStream in, AstrocyteContext context) {
        ensureOpen();
        require(request);
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

    // ---- history ----------------------------------------------------------------------------------

    /** Recall as the bank stood at {@code as_of}: retained by then and not yet forgotten then. */
    public HistoryResult history(HistoryRequest request, AstrocyteContext context) {
        require(request);
        RecallResult r = recall(request.toRecall(), context);
        return new HistoryResult(r.hits(), r.totalAvailable(), r.truncated(), request.asOf(), request.bankId(),
                r.trace());
    }

    public CompletableFuture<HistoryResult> historyAsync(HistoryRequest request, AstrocyteContext context) {
        return async(() -> history(request, context));
    }

    // ---- inspection -------------------------------------------------------------------------------

    /** How many live memories a bank holds. Needs {@code read}. */
    public long memoryCount(String bankId, AstrocyteContext context) {
        ensureOpen();
        io.astrocyte.api.BankIds.require("bank_id", bankId);
        access.check(context, bankId, Permission.READ);
        return storeCall(() -> store.count(bankId, VectorFilters.none()));
    }

    /** The store's health. */
    public HealthStatus health() {
        try {
            return store.health();
        } catch (RuntimeException e) {
            return HealthStatus.down(store.name() + ": " + e);
        }
    }

    public AstrocyteConfig config() {
        return config;
    }

    /** The store in use, for diagnostics; applications should go through the verbs. */
    public VectorStore vectorStore() {
        return store;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** The LLM used by reflect, if any. */
    public Optional<LlmProvider> llm() {
        return Optional.ofNullable(llm);
    }

    /** Stops the worker threads and closes the providers this instance created (not ones passed in). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        strategyPool.shutdown();
        asyncPool.shutdown();
        try {
            asyncPool.awaitTermination(10, TimeUnit.SECONDS);
            strategyPool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        quotas.flush();
        hooks.close();
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", owned.get(i), e.toString());
            }
        }
    }

    // ---- internals --------------------------------------------------------------------------------

    private RankedRecall rank(RecallRequest request, List<String> banks) {
        if (banks.size() == 1) {
            return storeCall(() -> recallPipeline.rank(request, banks.get(0)));
        }
        return storeCall(() -> multiBank.recall(request, banks));
    }

    private List<String> readableBanks(List<String> banks, AstrocyteContext context) {
        if (banks.isEmpty() && config.identity().autoResolveBanks()) {
            List<String> resolved = accessManager.readableBanks(context);
            if (resolved.isEmpty()) {
                throw new InvalidRequestException("bank_id", "no bank named and " + context.principal()
                        + " may read none (identity.auto_resolve_banks)");
            }
            return resolved;
        }
        if (banks.isEmpty()) {
            throw new InvalidRequestException("bank_id", "name a bank_id or banks");
        }
        for (String bank : banks) {
            access.check(context, bank, Permission.READ);
        }
        return banks;
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

    /** The smallest budget any of the banks sets ({@code null} when none sets one): a bank's cap holds in any mix. */
    private static Integer tightest(List<String> banks, java.util.function.Function<String, Integer> budget) {
        Integer min = null;
        for (String b : banks) {
            Integer v = budget.apply(b);
            if (v != null && (min == null || v < min)) {
                min = v;
            }
        }
        return min;
    }

    /** A store call: failures become {@link ProviderUnavailableException} and count for the circuit breaker. */
    private <T> T storeCall(Supplier<T> call) {
        return breaker.call(() -> guard(call));
    }

    private <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (AstrocyteException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException(store.name() + ": " + e, e);
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, asyncPool);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this Astrocyte instance is closed");
        }
    }

    private static void require(Object request) {
        if (request == null) {
            throw new InvalidRequestException(null, "request is required");
        }
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Configures an {@link Astrocyte}; anything not given comes from the config or discovery. */
    public static final class Builder {
        private AstrocyteConfig config;
        private VectorStore vectorStore;
        private Embedder embedder;
        private LlmProvider llm;
        private AccessController accessController;
        private Clock clock;
        private Path dataDirectory;
        private GovernanceStore governanceStore;
        private AccessPolicyProvider accessPolicyProvider;
        private java.util.function.Function<String, String> environment;
        private RateLimitStore rateLimitStore;
        private MeterRegistry meterRegistry;
        private final List<MemoryEventListener> listeners = new ArrayList<>();
        private ObservationRegistry observationRegistry;

        private Builder() {
        }

        /** Adds a hook told about memory events after each operation, off the request thread. */
        public Builder listener(MemoryEventListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** Where verb counters, timers and gauges go (default: Micrometer's global registry). */
        public Builder meterRegistry(MeterRegistry value) {
            this.meterRegistry = value;
            return this;
        }

        /** Where verb observations go (spans when the registry bridges to a tracer; default: none). */
        public Builder observationRegistry(ObservationRegistry value) {
            this.observationRegistry = value;
            return this;
        }

        /** Where rate-limit buckets live (default: in this process); the caller keeps ownership. */
        public Builder rateLimitStore(RateLimitStore value) {
            this.rateLimitStore = value;
            return this;
        }

        /** Where {@code ASTROCYTE_PORTABILITY_ROOTS} is looked up (default: the process environment). */
        public Builder environment(java.util.function.Function<String, String> value) {
            this.environment = value;
            return this;
        }

        /**
         * An external policy engine consulted with the grants as {@code access_control.policy_mode} says;
         * the caller keeps ownership. Without one, {@code access_control.policy_provider} names a discovered one.
         */
        public Builder accessPolicyProvider(AccessPolicyProvider value) {
            this.accessPolicyProvider = value;
            return this;
        }

        /**
         * Where bank owners and stored grants (and later holds and quotas) live; the caller keeps ownership.
         * By default one is discovered next to the vector store when access control is enabled.
         */
        public Builder governanceStore(GovernanceStore value) {
            this.governanceStore = value;
            return this;
        }

        public Builder config(AstrocyteConfig value) {
            this.config = value;
            return this;
        }

        /** Use this store; the caller keeps ownership and closes it. */
        public Builder vectorStore(VectorStore value) {
            this.vectorStore = value;
            return this;
        }

        /** Use this embedder; the caller keeps ownership and closes it. */
        public Builder embedder(Embedder value) {
            this.embedder = value;
            return this;
        }

        /** Use this LLM for reflect; {@code null} keeps reflect extractive. */
        public Builder llm(LlmProvider value) {
            this.llm = value;
            return this;
        }

        /** Replace the access check (grants, external policy engines). */
        public Builder accessController(AccessController value) {
            this.accessController = value;
            return this;
        }

        /** The clock that stamps {@code retained_at} and {@code forgotten_at}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Where a discovered on-disk store keeps its data ({@code vector_store_config.path}). */
        public Builder dataDirectory(Path value) {
            this.dataDirectory = value;
            return this;
        }

        /**
         * The governance store next to the vector store. Required under {@code owner_only}; for the other
         * policies a store without one only loses the stored-grants API, which then says so.
         */
        private GovernanceStore discoverGovernance(AstrocyteConfig cfg, VectorStore vs) {
            Map<String, Object> governanceConfig = new LinkedHashMap<>(cfg.vectorStoreConfig());
            if (dataDirectory != null) {
                governanceConfig.put("path", dataDirectory.toString());
            }
            String name = "in_memory".equals(vs.name()) ? "in_memory" : null;
            boolean required = cfg.accessControl().enabled()
                    && cfg.accessControl().defaultPolicy() == AccessControlConfig.DefaultPolicy.OWNER_ONLY;
            try {
                return ProviderDiscovery.create(ProviderFactory.ForGovernanceStore.class, name, governanceConfig,
                        "governance store (for owners and grants of access_control)");
            } catch (ConfigException e) {
                if (required) {
                    throw e;
                }
                LOG.warn("no governance store found; grants can only come from the configuration: {}", e.getMessage());
                return null;
            }
        }

        public Astrocyte build() {
            AstrocyteConfig cfg = config != null ? config : AstrocyteConfig.defaultConfig();
            List<AutoCloseable> owned = new ArrayList<>();
            try {
                Embedder emb = embedder;
                if (emb == null) {
                    emb = ProviderDiscovery.create(ProviderFactory.ForEmbedder.class, cfg.embeddingProvider(),
                            cfg.embeddingProviderConfig(), "embedding_provider");
                    owned.add(emb);
                }
                VectorStore vs = vectorStore;
                if (vs == null) {
                    Map<String, Object> storeConfig = new LinkedHashMap<>(cfg.vectorStoreConfig());
                    if (dataDirectory != null) {
                        storeConfig.put("path", dataDirectory.toString());
                    }
                    storeConfig.putIfAbsent("embedding_dimension", emb.dimension());
                    storeConfig.putIfAbsent("embedding_model", emb.modelId());
                    vs = ProviderDiscovery.create(ProviderFactory.ForVectorStore.class, cfg.vectorStore(),
                            storeConfig, "vector_store");
                    owned.add(vs);
                }
                if (vs.spiVersion() != VectorStore.SPI_VERSION) {
                    throw new ConfigException("vector_store: " + vs.name() + " implements SPI version "
                            + vs.spiVersion() + ", this core needs " + VectorStore.SPI_VERSION);
                }
                GovernanceStore governance = governanceStore;
                boolean quotas = cfg.homeostasis().quotas().any() || cfg.banks().keySet().stream()
                        .anyMatch(b -> cfg.homeostasisFor(b).quotas().any());
                if (governance == null && (cfg.accessControl().enabled() || quotas)) {
                    governance = discoverGovernance(cfg, vs);
                    if (governance != null) {
                        owned.add(governance);
                    }
                }
                AccessPolicyProvider policy = accessPolicyProvider;
                if (policy == null && cfg.accessControl().policyProvider() != null) {
                    policy = ProviderDiscovery.create(ProviderFactory.ForAccessPolicy.class,
                            cfg.accessControl().policyProvider(), cfg.accessControl().policyProviderConfig(),
                            "access_control.policy_provider");
                    owned.add(policy);
                }
                LlmProvider model = llm;
                if (model == null && cfg.llmProvider() != null) {
                    model = ProviderDiscovery.create(ProviderFactory.ForLlm.class, cfg.llmProvider(),
                            cfg.llmProviderConfig(), "llm_provider");
                }
                return new Astrocyte(this, cfg, Objects.requireNonNull(vs), emb, model, governance, policy, owned);
            } catch (RuntimeException e) {
                for (AutoCloseable c : owned) {
                    try {
                        c.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        }
    }
}
