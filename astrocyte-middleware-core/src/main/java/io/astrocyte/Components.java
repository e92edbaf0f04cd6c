package io.astrocyte;

import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.HookConfig;
import io.astrocyte.audit.AuditRecorder;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AccessManager;
import io.astrocyte.identity.BankResolver;
import io.astrocyte.identity.ExternalPolicyAccessController;
import io.astrocyte.identity.GrantAccessController;
import io.astrocyte.lifecycle.BankExporter;
import io.astrocyte.lifecycle.BankImporter;
import io.astrocyte.config.LifecycleConfig;
import io.astrocyte.lifecycle.LegalHolds;
import io.astrocyte.lifecycle.LifecycleRunner;
import io.astrocyte.lifecycle.LifecycleScheduler;
import io.astrocyte.lifecycle.RecallTracker;
import io.astrocyte.observe.BankHealthGauges;
import io.astrocyte.observe.BankReports;
import io.astrocyte.lifecycle.Portability;
import io.astrocyte.lifecycle.PortabilityPaths;
import io.astrocyte.observe.BankStatistics;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.observe.LogHook;
import io.astrocyte.observe.SignalEvents;
import io.astrocyte.observe.Telemetry;
import io.astrocyte.observe.WebhookHook;
import io.astrocyte.pipeline.ForgetPipeline;
import io.astrocyte.pipeline.RetainPipeline;
import io.astrocyte.pipeline.recall.HeuristicReranker;
import io.astrocyte.pipeline.recall.RecallPipeline;
import io.astrocyte.pipeline.reflect.Reflector;
import io.astrocyte.policy.BankPolicies;
import io.astrocyte.policy.barrier.OutputDlp;
import io.astrocyte.policy.chain.RequestPaths;
import io.astrocyte.policy.escalation.StoreBreaker;
import io.astrocyte.policy.escalation.StoreCalls;
import io.astrocyte.policy.homeostasis.LocalRateLimitStore;
import io.astrocyte.policy.homeostasis.Quotas;
import io.astrocyte.policy.homeostasis.RateLimits;
import io.astrocyte.policy.signal.Deduplicator;
import io.astrocyte.policy.signal.NoisyBankMonitor;
import io.astrocyte.routing.MultiBankRecall;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.MemoryEventListener;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything an instance runs with, built once from its providers and configuration: access control, the
 * policies, the pipelines, the request paths, the worker pools. Closing it stops the pools, flushes quota
 * counts, drains the hooks and closes the providers the instance created.
 */
final class Components implements AutoCloseable {

    private static final Duration MULTI_BANK_TIMEOUT = Duration.ofSeconds(30);

    final Providers providers;
    final AccessController access;
    final AccessManager accessManager;
    final RateLimits rateLimits;
    final StoreBreaker breaker;
    final StoreCalls storeCalls;
    final RequestPaths paths;
    final Portability portability;
    final LegalHolds legalHolds;
    final BankStatistics statistics;
    final BankReports reports;
    final LifecycleRunner lifecycle;
    final LifecycleScheduler lifecycleScheduler;
    private final RecallTracker recallTracker;
    @SuppressWarnings("unused") // referenced so that Micrometer's weak reference keeps the gauges alive
    private final BankHealthGauges healthGauges;
    final ExecutorService asyncPool;
    private final ExecutorService strategyPool;
    private final Quotas quotas;
    private final HookDispatcher hooks;

    Components(Settings s, Providers p) {
        this.providers = p;
        AstrocyteConfig config = p.config();
        // checked before any thread or file is opened, so a refused configuration leaves nothing behind
        io.astrocyte.pipeline.extract.ExtractionProfiles profiles =
                new io.astrocyte.pipeline.extract.ExtractionProfiles(config.extractionProfiles());
        java.util.List<String> extracting = profiles.extractingFacts();
        if (p.llm() == null && !extracting.isEmpty()) {
            throw new ConfigException("extraction_profiles." + extracting.get(0)
                    + ".fact_extraction: needs an LLM (llm_provider, or an LlmProvider given to the builder); set it "
                    + "to off or configure one");
        }
        GrantAccessController grants = s.accessController() != null ? null
                : new GrantAccessController(config.accessControl(), config.grants(), p.governance(),
                        new BankResolver(config.identity()));
        this.access = s.accessController() != null ? s.accessController()
                : p.policy() != null ? new ExternalPolicyAccessController(grants, p.policy(), config.accessControl())
                : grants;
        Clock clock = s.clock() != null ? s.clock() : Clock.systemUTC();
        AuditRecorder audit = new AuditRecorder(p.audit(), clock);
        this.accessManager = new AccessManager(access, grants, p.governance(), config, audit);
        int cores = Runtime.getRuntime().availableProcessors();
        this.strategyPool = pool("astrocyte-recall", Math.max(4, cores * 2));
        this.asyncPool = pool("astrocyte-async", Math.max(2, cores));
        Telemetry telemetry = new Telemetry(s.meterRegistry() != null ? s.meterRegistry() : Metrics.globalRegistry,
                s.observationRegistry() != null ? s.observationRegistry() : ObservationRegistry.NOOP,
                p.store().name(), config.observability().bankLabel());
        this.hooks = new HookDispatcher(hooks(s.listeners(), config), clock);
        SignalEvents signals = new SignalEvents(telemetry, hooks);
        RetainPipeline retain = new RetainPipeline(p.store(), p.embedder(), config.pipeline().chunker(), clock,
                new Deduplicator(p.store(), bank -> config.signalQualityFor(bank).dedup(), signals::duplicates),
                profiles, p.llm() == null ? null : new io.astrocyte.pipeline.extract.FactExtractor(p.llm()));
        NoisyBankMonitor noisyBanks = new NoisyBankMonitor(bank -> config.signalQualityFor(bank).noisyBank(), clock,
                signals::noisyBank, NoisyBankMonitor.DEFAULT_MAX_BANKS);
        io.astrocyte.routing.MipRouter mip = mipRouter(s, config, p.llm(), clock);
        RecallPipeline recall = new RecallPipeline(p.store(), p.store() instanceof KeywordIndex k ? k : null,
                p.embedder(), config.pipeline().recall(), new HeuristicReranker(config.pipeline().rerank()),
                strategyPool, clock, mip == null ? bank -> java.util.Optional.empty()
                        : bank -> mip.config().pipelineFor(bank, clock.instant()).map(l -> l.value()));
        this.rateLimits = new RateLimits(config.homeostasis().rateLimits(),
                bank -> config.homeostasisFor(bank).rateLimits(), config.agents(),
                p.rateLimitStore() != null ? p.rateLimitStore()
                        : new LocalRateLimitStore(clock, LocalRateLimitStore.DEFAULT_MAX_BUCKETS));
        this.quotas = new Quotas(bank -> config.homeostasisFor(bank).quotas(), p.governance(), clock);
        this.breaker = new StoreBreaker(p.store().name(), config.escalation().circuitBreaker(), clock);
        telemetry.gauge("astrocyte.circuit_breaker.state", breaker, br -> br.state().ordinal());
        breaker.onTransition(state -> hooks.fire(state == io.astrocyte.api.CircuitState.OPEN ? "on_circuit_breaker_open"
                : "on_circuit_breaker_close", null, Map.of("provider", p.store().name(), "state", state.name()), null));
        this.storeCalls = new StoreCalls(p.store().name(), breaker);
        this.legalHolds = new LegalHolds(p.governance(), access, hooks, clock, audit);
        this.statistics = new BankStatistics(p.governance(), clock, config.analytics().enabled(),
                config.analytics().qualityHistoryDays());
        this.reports = new BankReports(statistics, access, p.store(), storeCalls);
        this.healthGauges = BankHealthGauges.register(telemetry, statistics, clock);
        LifecycleConfig lifecycleConfig = config.lifecycle();
        this.recallTracker = lifecycleConfig.recallStats() && p.store().keepsRecallStats()
                ? new RecallTracker(p.store(), clock, Duration.ofSeconds(lifecycleConfig.recallStatsFlushSeconds()))
                : null;
        this.lifecycle = new LifecycleRunner(p.store(), storeCalls, config, legalHolds, access, hooks, audit, clock,
                recallTracker);
        this.lifecycleScheduler = new LifecycleScheduler(lifecycle, () -> lifecycleBanks(config, statistics));
        if (s.scheduleLifecycle() && lifecycleConfig.runIntervalMinutes() > 0) {
            lifecycleScheduler.start(Duration.ofMinutes(lifecycleConfig.runIntervalMinutes()));
        }
        this.paths = new RequestPaths(new RequestPaths.Parts(config, clock, telemetry, hooks, access, accessManager,
                rateLimits, quotas, noisyBanks, new BankPolicies(config, p.llm()), storeCalls, retain, recall,
                new MultiBankRecall(recall::rank, asyncPool, MULTI_BANK_TIMEOUT),
                new Reflector(p.llm(), config.pipeline().reflect(), config.defaults().dispositions()),
                new ForgetPipeline(p.store(), clock), new OutputDlp(config.dlp(), config.barriers().pii()),
                legalHolds, audit, statistics, recallTracker, mip, p.embedder(),
                p.store()));
        this.portability = new Portability(access, new PortabilityPaths(s.environment() != null ? s.environment()
                : System::getenv), storeCalls, new BankExporter(p.store(), clock),
                new BankImporter(p.store(), paths::importRetain, clock), hooks);
    }

    /** The Memory Intent Protocol router: the builder's rules, else {@code mip_config_path}'s, else none. */
    private static io.astrocyte.routing.MipRouter mipRouter(Settings s, AstrocyteConfig config,
            io.astrocyte.spi.LlmProvider llm, Clock clock) {
        io.astrocyte.routing.MipConfig rules = s.mipConfig();
        if (rules == null && config.mipConfigPath() != null && !config.mipConfigPath().isBlank()) {
            rules = new io.astrocyte.routing.MipLoader(s.environment() != null ? s.environment() : System::getenv)
                    .load(java.nio.file.Path.of(config.mipConfigPath()));
        }
        return rules == null ? null : new io.astrocyte.routing.MipRouter(rules, llm, clock);
    }

    /**
     * The banks a scheduler round visits: declared banks and banks this instance's counters have seen (they
     * persist in the governance store), those with lifecycle on.
     */
    private static List<String> lifecycleBanks(AstrocyteConfig config, BankStatistics statistics) {
        java.util.Set<String> banks = new java.util.TreeSet<>(statistics.banks());
        config.banks().keySet().stream().filter(b -> b.indexOf('*') < 0).forEach(banks::add);
        return banks.stream().filter(b -> config.lifecycleFor(b).enabled()).toList();
    }

    private static List<HookDispatcher.Hook> hooks(List<MemoryEventListener> listeners, AstrocyteConfig config) {
        List<HookDispatcher.Hook> out = new ArrayList<>();
        for (MemoryEventListener l : listeners) {
            out.add(new HookDispatcher.Hook(l, true));
        }
        for (HookConfig h : config.hooks()) {
            out.add(new HookDispatcher.Hook(h.type() == HookConfig.Type.WEBHOOK ? new WebhookHook(h) : new LogHook(h),
                    h.async()));
        }
        return out;
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

    @Override
    public void close() {
        lifecycleScheduler.close();
        strategyPool.shutdown();
        asyncPool.shutdown();
        try {
            asyncPool.awaitTermination(10, TimeUnit.SECONDS);
            strategyPool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        quotas.flush();
        statistics.flush();
        if (recallTracker != null) {
            recallTracker.close();
        }
        hooks.close();
        Providers.closeAll(providers.owned(), null);
    }
}
