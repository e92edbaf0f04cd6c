package io.astrocyte.routing;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.MultiBankStrategy;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.pipeline.recall.RankedRecall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recall over several banks (SPEC §6.1). {@code PARALLEL} asks every bank at once (a bank that fails or
 * exceeds the timeout contributes nothing), weights each bank's scores, merges best first and drops
 * hits whose text a better hit already has. {@code CASCADE} asks banks in {@code cascade_order}, then
 * request order, until {@code min_results_to_stop} distinct hits are in hand. {@code FIRST_MATCH} stops
 * at the first bank with any hit.
 */
public final class MultiBankRecall {

    private static final Logger LOG = LoggerFactory.getLogger(MultiBankRecall.class);

    private final BiFunction<RecallRequest, String, RankedRecall> perBank;
    private final Executor executor;
    private final Duration timeout;

    /** @param perBank ranks one bank; called concurrently in parallel mode */
    public MultiBankRecall(BiFunction<RecallRequest, String, RankedRecall> perBank, Executor executor,
            Duration timeout) {
        this.perBank = perBank;
        this.executor = executor;
        this.timeout = timeout;
    }

    public RankedRecall recall(RecallRequest request, List<String> banks) {
        MultiBankStrategy strategy = request.strategy();
        return switch (strategy.mode()) {
            case PARALLEL -> parallel(request, banks, strategy);
            case CASCADE -> sequential(request, cascadeOrder(banks, strategy), strategy, strategy.minResultsToStop());
            case FIRST_MATCH -> sequential(request, banks, strategy, 1);
        };
    }

    private RankedRecall parallel(RecallRequest request, List<String> banks, MultiBankStrategy strategy) {
        Map<String, CompletableFuture<RankedRecall>> running = new LinkedHashMap<>();
        for (String bank : banks) {
            running.put(bank, CompletableFuture.supplyAsync(() -> perBank.apply(request, bank), executor));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Merger merger = new Merger(strategy);
        for (Map.Entry<String, CompletableFuture<RankedRecall>> e : running.entrySet()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                merger.add(e.getKey(), e.getValue().get(left, TimeUnit.NANOSECONDS));
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                LOG.warn("multi-bank recall: bank {} timed out after {}; skipped", e.getKey(), timeout);
            } catch (ExecutionException ex) {
                LOG.warn("multi-bank recall: bank {} failed; skipped: {}", e.getKey(), ex.getCause().toString());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new io.astrocyte.ProviderUnavailableException("interrupted during multi-bank recall", ex);
            }
        }
        return merger.result();
    }

    private RankedRecall sequential(RecallRequest request, List<String> banks, MultiBankStrategy strategy, int stopAt) {
        Merger merger = new Merger(strategy);
        for (String bank : banks) {
            try {
                merger.add(bank, perBank.apply(request, bank));
            } catch (RuntimeException ex) {
                LOG.warn("multi-bank recall: bank {} failed; skipped: {}", bank, ex.toString());
            }
            if (merger.size() >= stopAt) {
                break;
            }
        }
        return merger.result();
    }

    private static List<String> cascadeOrder(List<String> banks, MultiBankStrategy strategy) {
        Set<String> order = new LinkedHashSet<>();
        for (String b : strategy.cascadeOrder()) {
            if (banks.contains(b)) {
                order.add(b);
            }
        }
        order.addAll(banks);
        return new ArrayList<>(order);
    }

    /** Collects banks' hits: weighted, deduplicated by exact text when asked, best first. */
    private static final class Merger {
        private final MultiBankStrategy strategy;
        private final List<MemoryHit> hits = new ArrayList<>();
        private final Set<String> strategies = new LinkedHashSet<>();
        private final Map<String, Double> timings = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        Merger(MultiBankStrategy strategy) {
            this.strategy = strategy;
        }

        void add(String bank, RankedRecall r) {
            double w = strategy.weight(bank);
            for (MemoryHit h : r.hits()) {
                hits.add(w == 1.0 ? h : h.withScore(Math.min(1, h.score() * w)));
            }
            strategies.addAll(r.strategiesUsed());
            r.strategyTimingsMs().forEach((k, v) -> timings.merge(k, v, Math::max));
            r.strategyCandidateCounts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
            normalize();
        }

        int size() {
            return hits.size();
        }

        private void normalize() {
            // Stable sort: within equal scores, earlier banks (request order) stay first.
            hits.sort(Comparator.comparingDouble(MemoryHit::score).reversed());
            if (strategy.dedupAcrossBanks()) {
                Set<String> seen = new HashSet<>();
                hits.removeIf(h -> !seen.add(h.text()));
            }
        }

        RankedRecall result() {
            return new RankedRecall(hits, new ArrayList<>(strategies), timings, counts);
        }
    }
}
