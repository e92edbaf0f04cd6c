package io.astrocyte;

import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.identity.AccessController;
import io.astrocyte.spi.AccessPolicyProvider;
import io.astrocyte.spi.AuditSink;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.MemoryEventListener;
import io.astrocyte.spi.RateLimitStore;
import io.astrocyte.spi.VectorStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Configures an {@link Astrocyte}; anything not given comes from the config or discovery. */
public final class AstrocyteBuilder {
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
    private AuditSink auditSink;
    private boolean scheduleLifecycle = true;
    private io.astrocyte.routing.MipConfig mipConfig;

    AstrocyteBuilder() {
    }

    /** Adds a hook told about memory events after each operation, off the request thread. */
    public AstrocyteBuilder listener(MemoryEventListener value) {
        this.listeners.add(Objects.requireNonNull(value, "listener"));
        return this;
    }

    /** Where verb counters, timers and gauges go (default: Micrometer's global registry). */
    public AstrocyteBuilder meterRegistry(MeterRegistry value) {
        this.meterRegistry = value;
        return this;
    }

    /**
     * Where the audit trail goes (memory created / recalled / deleted, legal holds set / released); the caller
     * keeps ownership. Without one, an instance given a {@link #dataDirectory} keeps a hash-chained trail in
     * {@code <data>/audit/audit.jsonl} ({@link io.astrocyte.audit.AuditLog#verify} checks it); otherwise none.
     */
    public AstrocyteBuilder auditSink(AuditSink value) {
        this.auditSink = value;
        return this;
    }

    /** Where verb observations go (spans when the registry bridges to a tracer; default: none). */
    public AstrocyteBuilder observationRegistry(ObservationRegistry value) {
        this.observationRegistry = value;
        return this;
    }

    /** Where rate-limit buckets live (default: in this process); the caller keeps ownership. */
    public AstrocyteBuilder rateLimitStore(RateLimitStore value) {
        this.rateLimitStore = value;
        return this;
    }

    /** Where {@code ASTROCYTE_PORTABILITY_ROOTS} is looked up (default: the process environment). */
    public AstrocyteBuilder environment(java.util.function.Function<String, String> value) {
        this.environment = value;
        return this;
    }

    /**
     * An external policy engine consulted with the grants as {@code access_control.policy_mode} says;
     * the caller keeps ownership. Without one, {@code access_control.policy_provider} names a discovered one.
     */
    public AstrocyteBuilder accessPolicyProvider(AccessPolicyProvider value) {
        this.accessPolicyProvider = value;
        return this;
    }

    /**
     * Where bank owners and stored grants (and later holds and quotas) live; the caller keeps ownership.
     * By default one is discovered next to the vector store when access control is enabled.
     */
    public AstrocyteBuilder governanceStore(GovernanceStore value) {
        this.governanceStore = value;
        return this;
    }

    public AstrocyteBuilder config(AstrocyteConfig value) {
        this.config = value;
        return this;
    }

    /** Use this store; the caller keeps ownership and closes it. */
    public AstrocyteBuilder vectorStore(VectorStore value) {
        this.vectorStore = value;
        return this;
    }

    /** Use this embedder; the caller keeps ownership and closes it. */
    public AstrocyteBuilder embedder(Embedder value) {
        this.embedder = value;
        return this;
    }

    /** Use this LLM for reflect; {@code null} keeps reflect extractive. */
    public AstrocyteBuilder llm(LlmProvider value) {
        this.llm = value;
        return this;
    }

    /** Replace the access check (grants, external policy engines). */
    public AstrocyteBuilder accessController(AccessController value) {
        this.accessController = value;
        return this;
    }

    /**
     * Whether this instance runs its own lifecycle scheduler when {@code lifecycle.run_interval_minutes} is set
     * (default true). Applications with their own scheduler (the Spring Boot starter uses Spring's) turn it off
     * and call {@link Astrocyte#runLifecycleRound()} themselves.
     */
    public AstrocyteBuilder scheduleLifecycle(boolean value) {
        this.scheduleLifecycle = value;
        return this;
    }

    /**
     * Memory Intent Protocol rules to route retains with (SPEC §6.2), instead of {@code mip_config_path}: e.g.
     * {@code MipLoader.withSystemEnvironment().load(path)}.
     */
    public AstrocyteBuilder mipConfig(io.astrocyte.routing.MipConfig value) {
        this.mipConfig = value;
        return this;
    }

    /** The clock that stamps {@code retained_at} and {@code forgotten_at}. */
    public AstrocyteBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** Where a discovered on-disk store keeps its data ({@code vector_store_config.path}). */
    public AstrocyteBuilder dataDirectory(Path value) {
        this.dataDirectory = value;
        return this;
    }

    public Astrocyte build() {
        Settings settings = new Settings(config, vectorStore, embedder, llm, accessController, clock,
                dataDirectory, governanceStore, accessPolicyProvider, environment, rateLimitStore, meterRegistry,
                List.copyOf(listeners), observationRegistry, auditSink, scheduleLifecycle,
                mipConfig);
        Providers providers = Providers.resolve(settings);
        try {
            return new Astrocyte(new Components(settings, providers));
        } catch (RuntimeException e) {
            Providers.closeAll(providers.owned(), e);
            throw e;
        }
    }
}
