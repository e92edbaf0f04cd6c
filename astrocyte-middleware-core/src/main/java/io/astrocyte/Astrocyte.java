package io.astrocyte;

import io.astrocyte.api.BankHealth;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.HistoryResult;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.LegalHold;
import io.astrocyte.api.LifecycleResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.identity.AccessManager;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.policy.Verb;
import io.astrocyte.api.CircuitState;
import io.astrocyte.identity.AgentLimits;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.HealthStatus;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.VectorStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

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
 * <p>Every verb runs its request path, an explicit list of policy stages ({@link #requestPath(Verb)}): span,
 * access on every bank touched, rate limits and quotas, the content barriers, the breaker-wrapped store,
 * token budget, DLP, degraded mode, events. This class only delegates to it.
 */
public final class Astrocyte implements AutoCloseable {

    private final Components parts;
    private final AtomicBoolean closed = new AtomicBoolean();

    Astrocyte(Components parts) {
        this.parts = parts;
    }

    /** Configures an instance; anything not given comes from the configuration or discovery. */
    public static AstrocyteBuilder builder() {
        return new AstrocyteBuilder();
    }

    /** An instance configured from {@code astrocyte.yaml}; providers are discovered as in {@link #builder()}. */
    public static Astrocyte fromConfig(Path path) {
        return builder().config(AstrocyteConfig.load(path)).build();
    }

    /** An instance configured from a map shaped like {@code astrocyte.yaml}. */
    public static Astrocyte fromConfig(Map<String, ?> config) {
        return builder().config(ConfigLoader.withSystemEnvironment().fromMap(config)).build();
    }

    /** The stages a verb's calls pass, in order, e.g. {@code [span, request, access, rate_limit, …]}. */
    public List<String> requestPath(Verb verb) {
        return parts.paths.stages().getOrDefault(verb, List.of());
    }

    /** Gives an agent its own per-minute limits besides the configured ones; {@link AgentLimits#NONE} clears them. */
    public void registerAgentLimits(String principal, AgentLimits limits) {
        parts.rateLimits.registerAgent(principal, limits);
    }

    /** Grants, revocations, access checks and bank resolution for this instance (SPEC §2.3–2.4). */
    public AccessManager access() {
        return parts.accessManager;
    }

    /**
     * Stores content as one memory per chunk. Content that fails validation (empty, too long, disallowed
     * type) returns {@code stored=false} with the reason and writes nothing.
     *
     * @throws AuthorizationException       no context, and anonymous calls are not allowed
     * @throws AccessDeniedException        the context may not write to the bank
     * @throws ProviderUnavailableException the store or embedder failed; nothing was acknowledged
     */
    public RetainResult retain(RetainRequest request, AstrocyteContext context) {
        return open(() -> parts.paths.retain(request, context));
    }

    public CompletableFuture<RetainResult> retainAsync(RetainRequest request, AstrocyteContext context) {
        return async(() -> retain(request, context));
    }

    /**
     * Finds memories relevant to the query by hybrid search (dense + BM25 + recency, RRF-fused, reranked),
     * trimmed to {@code max_results} and the token budget, with a trace of how it ran.
     *
     * @throws InvalidRequestException the request names no bank
     * @throws AccessDeniedException   the context may not read one of the banks
     */
    public RecallResult recall(RecallRequest request, AstrocyteContext context) {
        return open(() -> parts.paths.recall(request, context));
    }

    public CompletableFuture<RecallResult> recallAsync(RecallRequest request, AstrocyteContext context) {
        return async(() -> recall(request, context));
    }

    /** Whether the store's circuit breaker is closed, open or half-open. */
    public CircuitState circuitState() {
        return parts.breaker.state();
    }

    /**
     * Answers a question from memory: with an LLM it synthesizes from the best memories, without one it
     * answers extractively and cites memory ids. No relevant memory gives the fixed
     * {@link ReflectResult#NO_MEMORIES_ANSWER}.
     */
    public ReflectResult reflect(ReflectRequest request, AstrocyteContext context) {
        return open(() -> parts.paths.reflect(request, context));
    }

    public CompletableFuture<ReflectResult> reflectAsync(ReflectRequest request, AstrocyteContext context) {
        return async(() -> reflect(request, context));
    }

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
        return open(() -> parts.paths.forget(request, context));
    }

    public CompletableFuture<ForgetResult> forgetAsync(ForgetRequest request, AstrocyteContext context) {
        return async(() -> forget(request, context));
    }

    /**
     * Writes the bank's live memories as AMA JSONL to {@code file}, atomically (SPEC §1.8); returns how many.
     *
     * @throws AccessDeniedException  the context lacks {@code admin} on the bank
     * @throws io.astrocyte.lifecycle.PathNotAllowedException the path is outside the allowed roots
     */
    public long exportBank(ExportRequest request, Path file, AstrocyteContext context) {
        return open(() -> parts.portability.exportBank(required(request), file, context));
    }

    /** Writes the export to a stream, which stays open; no path checks apply. */
    public long exportBank(ExportRequest request, OutputStream out, AstrocyteContext context) {
        return open(() -> parts.portability.exportBank(required(request), out, context));
    }

    /**
     * Retains every memory of an AMA JSONL file into the request's bank, through the policy layer.
     *
     * @throws AccessDeniedException  the context lacks {@code admin} on the target bank
     * @throws InvalidRequestException the header is missing or of another AMA version (nothing is imported)
     */
    public ImportResult importBank(ImportRequest request, Path file, AstrocyteContext context) {
        return open(() -> parts.portability.importBank(required(request), file, context));
    }

    /** Imports from a stream, which stays open; no path checks apply. */
    public ImportResult importBank(ImportRequest request, InputStream in, AstrocyteContext context) {
        return open(() -> parts.portability.importBank(required(request), in, context));
    }

    /** Recall as the bank stood at {@code as_of}: retained by then and not yet forgotten then. */
    public HistoryResult history(HistoryRequest request, AstrocyteContext context) {
        RecallResult r = recall(required(request).toRecall(), context);
        return new HistoryResult(r.hits(), r.totalAvailable(), r.truncated(), request.asOf(), request.bankId(),
                r.trace());
    }

    public CompletableFuture<HistoryResult> historyAsync(HistoryRequest request, AstrocyteContext context) {
        return async(() -> history(request, context));
    }

    /**
     * Puts the bank under a legal hold (SPEC §6.4): until every hold is released, TTL keeps everything and forgets
     * fail with {@link LegalHoldActiveException} except compliance forgets. Setting a set id returns that hold.
     * Needs {@code admin} on the bank.
     */
    public LegalHold setLegalHold(String bankId, String holdId, String reason, AstrocyteContext context) {
        return open(() -> parts.legalHolds.set(bankId, holdId, reason, context));
    }

    /** Releases a hold; {@code false} when the bank had none with that id. Needs {@code admin}. */
    public boolean releaseLegalHold(String bankId, String holdId, AstrocyteContext context) {
        return open(() -> parts.legalHolds.release(bankId, holdId, context));
    }

    /** The bank's legal holds, oldest first. Needs {@code admin}. */
    public List<LegalHold> legalHolds(String bankId, AstrocyteContext context) {
        return open(() -> parts.legalHolds.list(bankId, context));
    }

    /** The bank's health score, status and issues (SPEC §6.7), from counters kept across restarts; needs read. */
    public BankHealth bankHealth(String bankId, AstrocyteContext context) {
        return open(() -> parts.reports.health(bankId, context));
    }

    /** The health of every bank used so far that the caller may read. */
    public List<BankHealth> allBankHealth(AstrocyteContext context) {
        return open(() -> parts.reports.all(context));
    }

    /**
     * Applies the bank's TTL now (SPEC §6.4): archives memories unused for {@code archive_after_days}, purges
     * those older than {@code delete_after_days}; keeps everything while the bank is under a legal hold or its
     * lifecycle is disabled. Waits for a pass of the bank already running here. Needs {@code admin}.
     */
    public LifecycleResult runLifecycle(String bankId, AstrocyteContext context) {
        return open(() -> parts.lifecycle.run(bankId, context));
    }

    /** One scheduler round now, as {@code system:lifecycle}: every bank with lifecycle on; for app schedulers. */
    public int runLifecycleRound() {
        return open(parts.lifecycleScheduler::runRound);
    }

    /** How many live (not forgotten) memories a bank holds, archived ones included. Needs {@code read}. */
    public long memoryCount(String bankId, AstrocyteContext context) {
        return open(() -> parts.reports.memoryCount(bankId, context));
    }

    /** The store's health; a store that fails to answer is reported down, not thrown. */
    public HealthStatus health() {
        return parts.reports.storeHealth();
    }

    public AstrocyteConfig config() {
        return parts.providers.config();
    }

    /** The store in use, for diagnostics; applications should go through the verbs. */
    public VectorStore vectorStore() {
        return parts.providers.store();
    }

    public Embedder embedder() {
        return parts.providers.embedder();
    }

    /** The LLM used by reflect, if any. */
    public Optional<LlmProvider> llm() {
        return Optional.ofNullable(parts.providers.llm());
    }

    /** Stops the worker threads and closes the providers this instance created (not ones passed in). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            parts.close();
        }
    }

    private <T> T open(Supplier<T> call) {
        if (closed.get()) {
            throw new IllegalStateException("this Astrocyte instance is closed");
        }
        return call.get();
    }

    private static <T> T required(T request) {
        if (request == null) {
            throw new InvalidRequestException(null, "request is required");
        }
        return request;
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, parts.asyncPool);
    }
}
