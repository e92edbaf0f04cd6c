package io.astrocyte.pipeline.recall;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.AstrocyteException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.config.RecallConfig;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Hybrid recall over one bank (SPEC §5.2): the semantic (dense, over-fetched), keyword (BM25) and
 * temporal-recency strategies run in parallel, plus a dense search near the time the query names ("dated", when
 * it names one: {@link QueryDates}) and the caller's {@code external_context}; their
 * rankings are fused with weighted RRF, which reads the dense and keyword strategies' normalized scores where
 * {@code score_fusion} says so ({@link RrfFusion}). The head of that fusion, ordered by its query-word matches, joins
 * the fusion as one more ranking ({@code rerank.fusion_weight}; or its boosts are added to the scores when
 * that is 0), layer weights scale the result, chunks of one memory collapse to its best, and the memories
 * retained right after the best hits join below them. Trimming to {@code max_results} and the token
 * budget is left to the caller so that multi-bank recall can merge banks first.
 */
public final class RecallPipeline {

    /** Recency scores below this (about 30 days at the default half-life) do not take part in fusion. */
    static final double MIN_RECENCY_SCORE = 0.05;
    /** The name of the strategy that ranks the memories retained right after the best hits. */
    static final String REPLIES = "replies";
    /** A hit brings its reply into the replies ranking only with at least this share of the best fused score. */
    static final double REPLY_MIN_SHARE = 0.5;
    /** The fused places the replies ranking leaves alone: replies already there gain nothing from it. */
    static final int REPLY_HEAD = 10;
    /** Ids given to caller-supplied {@code external_context} hits for fusion; never reported. */
    static final String EXTERNAL_PREFIX = "external:";

    private final VectorStore store;
    private final KeywordIndex keywordIndex;
    private final Embedder embedder;
    private final RecallConfig config;
    private final HeuristicReranker reranker;
    private final RrfFusion fusion;
    private final Executor executor;
    /** Recalls running now: while they do not outnumber the cores, each computes its own dense strategy. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private final Clock clock;
    private final java.util.function.Function<String, java.util.Optional<io.astrocyte.routing.PipelineSpec>> tuning;
    private final Map<io.astrocyte.routing.PipelineSpec.Rerank, HeuristicReranker> tuned =
            new java.util.concurrent.ConcurrentHashMap<>();

    public RecallPipeline(VectorStore store, KeywordIndex keywordIndex, Embedder embedder, RecallConfig config,
            HeuristicReranker reranker, Executor executor, Clock clock) {
        this(store, keywordIndex, embedder, config, reranker, executor, clock, bank -> java.util.Optional.empty());
    }

    /**
     * @param keywordIndex BM25 search over the store's items, or {@code null} when the store has none
     * @param executor     runs the strategies concurrently; must not be saturated by the caller's own work
     * @param tuning       a bank's MIP pipeline (SPEC §6.2), whose {@code rerank} weights scale the configured
     *                     keyword and proper-noun boosts and whose {@code temporal_half_life_days} replaces the
     *                     configured half-life for recalls in that bank
     */
    public RecallPipeline(VectorStore store, KeywordIndex keywordIndex, Embedder embedder, RecallConfig config,
            HeuristicReranker reranker, Executor executor, Clock clock,
            java.util.function.Function<String, java.util.Optional<io.astrocyte.routing.PipelineSpec>> tuning) {
        this.tuning = tuning;
        this.store = store;
        this.keywordIndex = keywordIndex;
        this.embedder = embedder;
        this.config = config;
        this.reranker = reranker;
        this.fusion = new RrfFusion(config.rrfK(), config.scoreFusion(),
                config.cosineFloor() != null ? config.cosineFloor() : embedder.unrelatedCosine());
        this.executor = executor;
        this.clock = clock;
    }

    public RankedRecall rank(RecallRequest request, String bankId) {
        boolean onCaller = inFlight.incrementAndGet() <= CORES;
        try {
            return rank(request, bankId, onCaller);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private RankedRecall rank(RecallRequest request, String bankId, boolean onCaller) {
        io.astrocyte.routing.PipelineSpec spec = tuning.apply(bankId).orElse(null);
        double halfLife = spec != null && spec.temporalHalfLifeDays() != null ? spec.temporalHalfLifeDays()
                : config.temporalHalfLifeDays();
        HeuristicReranker bankReranker = spec == null || spec.rerank() == null ? reranker
                : tuned.computeIfAbsent(spec.rerank(), this::scaled);
        VectorFilters filters = request.filters();
        int limit = Math.max(request.maxResults() * config.overfetch(), config.minCandidates());
        Instant reference = request.queryReferenceDate() != null ? request.queryReferenceDate()
                : request.asOf() != null ? request.asOf() : clock.instant();
        java.util.Optional<io.astrocyte.api.TimeRange> dated = config.dateWeight() > 0 && filters.timeRange() == null
                ? QueryDates.window(request.query(), reference) : java.util.Optional.empty();
        List<CompletableFuture<StrategyResult>> running = new ArrayList<>();
        // One embedding for both dense searches. While recalls do not outnumber the cores, the calling thread, which
        // would otherwise only wait, embeds the query and runs the dense search itself; beyond that, the pool does,
        // and so bounds how much heavy work runs at once.
        long start = System.nanoTime();
        boolean embeds = config.semanticWeight() > 0 || dated.isPresent();
        CompletableFuture<float[]> vector = !embeds || onCaller ? new CompletableFuture<>()
                : CompletableFuture.supplyAsync(() -> embedder.embed(request.query()), executor);
        if (config.semanticWeight() > 0) {
            // right after the embedding, on the thread that made it
            running.add(after(vector, start, "semantic", config.semanticWeight(), true,
                    v -> store.searchSimilar(v, bankId, limit, filters)));
        }
        if (dated.isPresent()) {
            // on the pool; registered after the semantic search, so it is handed over before that search starts (a
            // future runs its dependents newest first)
            VectorFilters window = filters.withTimeRange(dated.get());
            running.add(after(vector, start, "dated", config.dateWeight(), false,
                    v -> store.searchSimilar(v, bankId, limit, window)));
        }
        if (keywordIndex != null && config.keywordWeight() > 0) {
            running.add(run("keyword", config.keywordWeight(), StrategyResult.Scale.RELATIVE,
                    () -> keywordIndex.searchKeyword(request.query(), bankId, limit, filters)));
        }
        if (config.temporalWeight() > 0 && config.temporalCandidates() > 0) {
            int recentLimit = Math.min(config.temporalCandidates(), limit);
            running.add(run("temporal", config.temporalWeight(), StrategyResult.Scale.RANK,
                    () -> recent(bankId, filters, reference, recentLimit, halfLife)));
        }
        if (embeds && onCaller) {
            try {
                vector.complete(embedder.embed(request.query()));
            } catch (RuntimeException | Error e) {
                vector.completeExceptionally(e);
            }
        }
        List<StrategyResult> results = new ArrayList<>();
        for (CompletableFuture<StrategyResult> f : running) {
            results.add(join(f));
        }
        if (!request.externalContext().isEmpty()) {
            results.add(external(request.externalContext()));
        }
        if (keywordIndex != null && config.expansionWeight() > 0) {
            String expanded = QueryExpansion.expand(request.query(), fusion.fuse(results), config.expansionTerms());
            if (expanded != null) {
                results.add(join(run("expansion", config.expansionWeight(), StrategyResult.Scale.RELATIVE,
                        () -> keywordIndex.searchKeyword(expanded, bankId, limit, filters))));
            }
        }
        Map<String, String> vouchers = new java.util.HashMap<>();
        if (config.replyWeight() > 0) {
            List<VectorHit> replies = replies(fusion.fuse(results), bankId, filters, vouchers);
            if (!replies.isEmpty()) {
                results.add(new StrategyResult(REPLIES, replies, config.replyWeight(), 0));
            }
        }
        return rerank(request, bankId, results, bankReranker, vouchers);
    }

    /**
     * The memories retained right after the best fused hits, in the order of those hits (one store call), each mapped
     * to the hit it follows in {@code vouchers}.
     */
    private List<VectorHit> replies(List<RrfFusion.Fused> fused, String bankId, VectorFilters filters,
            Map<String, String> vouchers) {
        List<io.astrocyte.spi.ListCursor> cursors = new ArrayList<>();
        List<String> hitIds = new ArrayList<>();
        double top = fused.isEmpty() ? 0 : fused.get(0).score();
        for (RrfFusion.Fused f : fused.subList(0, Math.min(config.replyDepth(), fused.size()))) {
            VectorHit h = f.hit();
            // only a hit the strategies support well vouches for its reply: where scores are flat (weak matches, a
            // small bank) adjacency alone would reorder memories that none of them prefers
            if (f.score() < REPLY_MIN_SHARE * top) {
                break;
            }
            if (h.retainedAt() != null && !h.id().startsWith(EXTERNAL_PREFIX)) {
                cursors.add(new io.astrocyte.spi.ListCursor(h.retainedAt(), h.id()));
                hitIds.add(h.id());
            }
        }
        List<VectorHit> out = new ArrayList<>();
        // a reply the strategies already rank in the first REPLY_HEAD places stands on its own evidence there (in a
        // small bank every memory ranks near the top, and a vote for adjacency alone would reorder them)
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RrfFusion.Fused f : fused.subList(0, Math.min(REPLY_HEAD, fused.size()))) {
            seen.add(f.hit().id());
        }
        List<io.astrocyte.spi.VectorItem> nexts = cursors.isEmpty() ? List.of()
                : store.nextItems(bankId, cursors, filters);
        for (int i = 0; i < nexts.size(); i++) {
            io.astrocyte.spi.VectorItem next = nexts.get(i);
            if (next != null && seen.add(next.id())) {
                out.add(next.toHit(0));
                vouchers.put(next.id(), hitIds.get(i));
            }
        }
        return out;
    }

    private HeuristicReranker scaled(io.astrocyte.routing.PipelineSpec.Rerank r) {
        io.astrocyte.config.RerankConfig base = reranker.config();
        return new HeuristicReranker(new io.astrocyte.config.RerankConfig(base.enabled(),
                base.keywordBoost() * (r.keywordWeight() == null ? 1 : r.keywordWeight()),
                base.properNounBoost() * (r.properNounWeight() == null ? 1 : r.properNounWeight()),
                base.nameMissPenalty(), base.depth(), base.lengthNorm(), base.candidateIdf(), base.fusionWeight()));
    }

    private RankedRecall rerank(RecallRequest request, String bankId, List<StrategyResult> results,
            HeuristicReranker reranker, Map<String, String> vouchers) {
        QueryTerms terms = QueryTerms.of(request.query());
        List<Keyed> keyed = new ArrayList<>();
        List<RrfFusion.Fused> fused = fusion.fuse(results);
        int rerankDepth = Math.min(reranker.depth(), fused.size());
        double[] adjustments = reranker.adjustments(terms, fused.subList(0, rerankDepth).stream()
                .map(f -> f.hit().text()).toList());
        boolean asRanking = rerankDepth > 0 && reranker.config().fusionWeight() > 0;
        List<RrfFusion.Fused> head = fused.subList(0, rerankDepth);
        if (asRanking) {
            fused = fusion.fuse(withLexicalRanking(results, head, adjustments, reranker.config().fusionWeight()));
        }
        if (!vouchers.isEmpty()) {
            fused = belowVouchers(fused, vouchers, asRanking
                    ? fusion.fuse(withLexicalRanking(withoutReplies(results), head, adjustments,
                            reranker.config().fusionWeight()))
                    : fusion.fuse(withoutReplies(results)));
        }
        int position = 0;
        for (RrfFusion.Fused f : fused) {
            VectorHit h = f.hit();
            double layer = request.layerWeights().getOrDefault(h.memoryLayer() == null ? "fact" : h.memoryLayer(), 1.0);
            double key = f.score() * layer + (!asRanking && position < rerankDepth ? adjustments[position] : 0);
            position++;
            boolean external = h.id().startsWith(EXTERNAL_PREFIX);
            MemoryHit hit = new MemoryHit(h.text(), unitScore(reranker, key), h.factType(), h.metadata(), h.tags(),
                    h.occurredAt(), h.source(), external ? null : h.id(), external ? null : bankId, h.memoryLayer(),
                    null, h.retainedAt(), h.chunkId());
            keyed.add(new Keyed(hit, key));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
        if (config.neighbors() > 0) {
            keyed = withNeighbors(keyed, bankId, request.filters(), reranker);
        }
        List<MemoryHit> ranked = config.collapseChunks() ? collapse(keyed) : keyed.stream().map(Keyed::hit).toList();
        Map<String, Double> timings = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        for (StrategyResult r : results) {
            used.add(r.name());
            timings.put(r.name(), r.millis());
            counts.put(r.name(), r.hits().size());
        }
        return new RankedRecall(ranked, used, timings, counts);
    }

    /**
     * The fusion with no reply lifted above the hit that brought it in, unless it ranked above that hit without the
     * replies ranking too: the vote says "this follows a strong hit", which makes a reply a candidate next to its
     * hit, not a better answer than it. Where fused scores are flat (a small bank, a query nothing matches well) this
     * keeps adjacency alone from reordering the head.
     */
    private static List<RrfFusion.Fused> belowVouchers(List<RrfFusion.Fused> fused, Map<String, String> vouchers,
            List<RrfFusion.Fused> withoutReplies) {
        Map<String, Double> score = new java.util.HashMap<>();
        for (RrfFusion.Fused f : fused) {
            score.put(f.hit().id(), f.score());
        }
        Map<String, Double> before = new java.util.HashMap<>();
        for (RrfFusion.Fused f : withoutReplies) {
            before.put(f.hit().id(), f.score());
        }
        List<RrfFusion.Fused> out = new ArrayList<>(fused.size());
        boolean changed = false;
        for (RrfFusion.Fused f : fused) {
            String voucher = vouchers.get(f.hit().id());
            Double cap = voucher == null ? null : score.get(voucher);
            if (cap != null && f.score() > cap && before.getOrDefault(f.hit().id(), 0.0)
                    <= before.getOrDefault(voucher, 0.0)) {
                out.add(new RrfFusion.Fused(f.hit(), Math.nextDown(cap)));
                changed = true;
            } else {
                out.add(f);
            }
        }
        if (changed) {
            out.sort(Comparator.comparingDouble(RrfFusion.Fused::score).reversed());
        }
        return out;
    }

    private static List<StrategyResult> withoutReplies(List<StrategyResult> results) {
        return results.stream().filter(r -> !REPLIES.equals(r.name())).toList();
    }

    /** A ranking key as a reported score: fused keys already lie in [0,1], additive ones are mapped onto it. */
    private static double unitScore(HeuristicReranker reranker, double key) {
        return reranker.config().fusionWeight() > 0 && reranker.depth() > 0 ? Math.max(0, Math.min(1, key))
                : reranker.toUnitScore(key);
    }

    /**
     * The strategies' results plus one more: the reranked candidates ordered by their lexical evidence (best first,
     * the fused order breaking ties), at {@code weight}.
     */
    private static List<StrategyResult> withLexicalRanking(List<StrategyResult> results, List<RrfFusion.Fused> head,
            double[] adjustments, double weight) {
        Integer[] order = new Integer[head.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(adjustments[b], adjustments[a]));
        List<VectorHit> ranked = new ArrayList<>(order.length);
        for (int i : order) {
            ranked.add(head.get(i).hit());
        }
        List<StrategyResult> out = new ArrayList<>(results);
        out.add(new StrategyResult("lexical", ranked, weight, 0));
        return out;
    }

    private List<VectorHit> recent(String bankId, VectorFilters filters, Instant reference, int limit,
            double halfLifeDays) {
        List<VectorHit> scored = new ArrayList<>();
        // 2^(-age/halfLife) >= MIN_RECENCY_SCORE up to this age: older memories cannot take part, so are not read
        double maxAgeDays = halfLifeDays * Math.log(1 / MIN_RECENCY_SCORE) / Math.log(2);
        Instant notBefore = reference.minusMillis((long) Math.min(maxAgeDays * 86_400_000.0, 1e15));
        for (VectorHit h : store.listRecent(bankId, limit, filters, notBefore)) {
            Instant t = h.eventTime();
            if (t == null) {
                continue;
            }
            double ageDays = Math.max(0, Duration.between(t, reference).toMillis() / 86_400_000.0);
            double score = Math.pow(2, -ageDays / halfLifeDays);
            if (score >= MIN_RECENCY_SCORE) {
                scored.add(h.withScore(score));
            }
        }
        return scored;
    }

    /**
     * The ranking with, for each of the best {@code neighbors} hits, the memory retained right after it in the bank
     * (a reply follows its question) ranked at {@code neighbor_factor} of the hit's key, unless it already ranks
     * higher. One store call for all of them.
     */
    private List<Keyed> withNeighbors(List<Keyed> keyed, String bankId, VectorFilters filters,
            HeuristicReranker reranker) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < keyed.size(); i++) {
            if (keyed.get(i).hit().memoryId() != null) {
                index.put(keyed.get(i).hit().memoryId(), i);
            }
        }
        List<Keyed> out = new ArrayList<>(keyed);
        int n = Math.min(config.neighbors(), keyed.size());
        List<Integer> from = new ArrayList<>();
        List<io.astrocyte.spi.ListCursor> cursors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MemoryHit h = keyed.get(i).hit();
            if (h.memoryId() != null && h.retainedAt() != null) {
                from.add(i);
                cursors.add(new io.astrocyte.spi.ListCursor(h.retainedAt(), h.memoryId()));
            }
        }
        List<io.astrocyte.spi.VectorItem> nexts = cursors.isEmpty() ? List.of()
                : store.nextItems(bankId, cursors, filters);
        for (int c = 0; c < nexts.size(); c++) {
            int i = from.get(c);
            io.astrocyte.spi.VectorItem v = nexts.get(c);
            if (v == null) {
                continue;
            }
            double key = keyed.get(i).key() * config.neighborFactor();
            Integer at = index.get(v.id());
            if (at != null && out.get(at).key() >= key) {
                continue;
            }
            MemoryHit hit = new MemoryHit(v.text(), unitScore(reranker, key), v.factType(), v.metadata(), v.tags(),
                    v.occurredAt(), v.source(), v.id(), bankId, v.memoryLayer(), null, v.retainedAt(), v.chunkId());
            if (at != null) {
                out.set(at, new Keyed(hit, key));
            } else {
                index.put(v.id(), out.size());
                out.add(new Keyed(hit, key));
            }
        }
        out.sort(Comparator.comparingDouble(Keyed::key).reversed());
        return out;
    }

    /**
     * The best-ranked chunk of each retained memory, in rank order: a long memory split into chunks takes one place
     * in the ranking, not several, so the places go to distinct memories (what a reader and R@k count).
     */
    private static List<MemoryHit> collapse(List<Keyed> keyed) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<MemoryHit> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) {
            if (seen.add(group(k.hit()))) {
                out.add(k.hit());
            }
        }
        return out;
    }

    /** The retained memory a hit belongs to: its chunk id up to {@code #}, else its own id. */
    static String group(MemoryHit h) {
        String chunk = h.chunkId();
        int hash = chunk == null ? -1 : chunk.lastIndexOf('#');
        if (hash > 0) {
            return chunk.substring(0, hash);
        }
        return h.memoryId() != null ? h.memoryId() : h.text();
    }

    /** A hit with its ranking key (fused score plus rerank adjustment), which may fall outside [0,1]. */
    private record Keyed(MemoryHit hit, double key) {
    }

    private static StrategyResult external(List<MemoryHit> context) {
        List<VectorHit> hits = new ArrayList<>();
        int i = 0;
        for (MemoryHit m : context) {
            hits.add(new VectorHit(EXTERNAL_PREFIX + i++, m.text(), m.score(), m.metadata(), m.tags(), m.factType(),
                    m.occurredAt(), m.memoryLayer(), m.retainedAt(), m.chunkId(), m.source()));
        }
        hits.sort(Comparator.comparingDouble(VectorHit::score).reversed());
        return new StrategyResult("external", hits, 1.0, 0);
    }

    private CompletableFuture<StrategyResult> run(String name, double weight, StrategyResult.Scale scale,
            Supplier<List<VectorHit>> search) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            List<VectorHit> hits = search.get();
            return new StrategyResult(name, hits, weight, (System.nanoTime() - start) / 1e6, scale);
        }, executor);
    }

    /**
     * A dense strategy that searches with the query's vector once it is there, on the thread that completes the vector
     * ({@code sameThread}) or on the pool; its time counts from {@code start}.
     */
    private CompletableFuture<StrategyResult> after(CompletableFuture<float[]> vector, long start, String name,
            double weight, boolean sameThread, java.util.function.Function<float[], List<VectorHit>> search) {
        java.util.function.Function<float[], StrategyResult> strategy = v -> new StrategyResult(name, search.apply(v),
                weight, (System.nanoTime() - start) / 1e6, StrategyResult.Scale.COSINE);
        return sameThread ? vector.thenApply(strategy) : vector.thenApplyAsync(strategy, executor);
    }

    private StrategyResult join(CompletableFuture<StrategyResult> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AstrocyteException ae) {
                throw ae;
            }
            throw new ProviderUnavailableException(store.name() + ": recall failed: " + cause, cause);
        }
    }
}
