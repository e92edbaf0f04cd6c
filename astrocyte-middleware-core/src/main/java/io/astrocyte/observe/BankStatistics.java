package io.astrocyte.observe;

import io.astrocyte.api.BankHealth;
import io.astrocyte.spi.GovernanceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-bank counters of what callers do and get (retains, duplicates, content length, recalls that found
 * something and their best score, reflects that answered), and the bank health score of SPEC §6.7 computed
 * from them. Counting is a few adds on the calling thread; the counters are loaded from the governance store
 * at start and written back every {@link #FLUSH_EVERY} updates and on close, so they survive restarts.
 */
public final class BankStatistics {

    /** Updates between two writes of the counters to the governance store. */
    static final int FLUSH_EVERY = 200;

    private static final Logger LOG = LoggerFactory.getLogger(BankStatistics.class);
    private static final List<String> KEYS = List.of("retains", "retained_chars", "duplicates", "recalls",
            "recall_hits", "top_score_micros", "reflects", "reflect_answers");

    private final Map<String, Map<String, LongAdder>> banks = new ConcurrentHashMap<>();
    private final GovernanceStore store;
    private final Clock clock;
    private final AtomicLong updates = new AtomicLong();

    /** @param store where the counters persist; {@code null} keeps them in memory only */
    public BankStatistics(GovernanceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        if (store != null) {
            store.bankCounters().forEach((bank, counters) -> counters.forEach((k, v) -> counter(bank, k).add(v)));
        }
    }

    /** Counts a retain; returns {@code true} when it is the first this bank has had (the bank was created). */
    public boolean retained(String bank, int contentLength, boolean duplicate) {
        boolean created = !banks.containsKey(bank) && banks.putIfAbsent(bank, new ConcurrentHashMap<>()) == null;
        counter(bank, "retains").increment();
        counter(bank, "retained_chars").add(contentLength);
        if (duplicate) {
            counter(bank, "duplicates").increment();
        }
        updated();
        return created;
    }

    /** Drops a purged bank's counters, so that writing to it again counts as creating it. */
    public void removed(String bank) {
        if (banks.remove(bank) != null) {
            flush();
        }
    }

    /** @param topScore the best hit's score, ignored when there were no hits */
    public void recalled(String bank, int hits, double topScore) {
        counter(bank, "recalls").increment();
        if (hits > 0) {
            counter(bank, "recall_hits").increment();
            counter(bank, "top_score_micros").add(Math.round(Math.max(0, Math.min(1, topScore)) * 1_000_000));
        }
        updated();
    }

    public void reflected(String bank, boolean answered) {
        counter(bank, "reflects").increment();
        if (answered) {
            counter(bank, "reflect_answers").increment();
        }
        updated();
    }

    /** Every bank with counters, sorted. */
    public List<String> banks() {
        return new ArrayList<>(new TreeSet<>(banks.keySet()));
    }

    /** The bank's health now (SPEC §6.7). */
    public BankHealth health(String bank) {
        Map<String, LongAdder> c = banks.getOrDefault(bank, Map.of());
        long retains = get(c, "retains");
        long recalls = get(c, "recalls");
        long reflects = get(c, "reflects");
        double hitRate = recalls == 0 ? 0 : (double) get(c, "recall_hits") / recalls;
        double avgTop = get(c, "recall_hits") == 0 ? 0 : get(c, "top_score_micros") / 1e6 / get(c, "recall_hits");
        double dedupRate = retains == 0 ? 0 : (double) get(c, "duplicates") / retains;
        double reflectSuccess = reflects == 0 ? 0 : (double) get(c, "reflect_answers") / reflects;
        double avgLength = retains == 0 ? 0 : (double) get(c, "retained_chars") / retains;
        double ratio = retains == 0 ? (recalls > 0 ? 2 : 0) : (double) recalls / retains;
        double score = retains + recalls + reflects == 0 ? 0.5
                : 0.30 * hitRate + 0.20 * avgTop + 0.15 * (1 - dedupRate) + 0.15 * reflectSuccess
                        + 0.10 * Math.min(avgLength / 200, 1) + 0.10 * Math.min(ratio / 2, 1);
        List<BankHealth.Issue> issues = new ArrayList<>();
        if (recalls >= 5 && hitRate < 0.6) {
            issues.add(new BankHealth.Issue(hitRate < 0.3 ? BankHealth.Severity.CRITICAL : BankHealth.Severity.WARNING,
                    "LOW_RECALL_HIT_RATE", String.format("%.0f %% of %d recalls found nothing relevant",
                            (1 - hitRate) * 100, recalls),
                    "retain what callers ask about, or check the bank they recall from"));
        }
        if (retains >= 10 && dedupRate > 0.5) {
            issues.add(new BankHealth.Issue(BankHealth.Severity.WARNING, "HIGH_DEDUP_RATE", String.format(
                    "%.0f %% of %d retains were duplicates", dedupRate * 100, retains),
                    "retain new facts only, e.g. with an auto-retain filter"));
        }
        if (reflects >= 3 && reflectSuccess < 0.5) {
            issues.add(new BankHealth.Issue(BankHealth.Severity.WARNING, "LOW_REFLECT_SUCCESS", String.format(
                    "%d of %d reflects had no answer", reflects - get(c, "reflect_answers"), reflects),
                    "the bank may lack the memories the questions need"));
        }
        if (retains >= 5 && avgLength < 20) {
            issues.add(new BankHealth.Issue(BankHealth.Severity.WARNING, "SHORT_CONTENT", String.format(
                    "retained content averages %.0f characters", avgLength), "retain whole statements, not fragments"));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("retain_count", (double) retains);
        metrics.put("recall_count", (double) recalls);
        metrics.put("reflect_count", (double) reflects);
        metrics.put("recall_hit_rate", hitRate);
        metrics.put("avg_recall_score", avgTop);
        metrics.put("dedup_rate", dedupRate);
        metrics.put("reflect_success_rate", reflectSuccess);
        metrics.put("avg_content_length", avgLength);
        BankHealth.Status status = score >= 0.7 ? BankHealth.Status.HEALTHY
                : score >= 0.4 ? BankHealth.Status.WARNING : BankHealth.Status.UNHEALTHY;
        return new BankHealth(bank, Math.round(score * 1000) / 1000.0, status, issues, metrics, clock.instant());
    }

    /** Writes the counters to the governance store. */
    public synchronized void flush() {
        if (store == null) {
            return;
        }
        Map<String, Map<String, Long>> snapshot = new LinkedHashMap<>();
        banks.forEach((bank, c) -> {
            Map<String, Long> values = new LinkedHashMap<>();
            c.forEach((k, v) -> values.put(k, v.sum()));
            snapshot.put(bank, values);
        });
        try {
            store.saveBankCounters(snapshot);
        } catch (RuntimeException e) {
            LOG.warn("could not persist bank counters: {}", e.toString());
        }
    }

    private void updated() {
        if (updates.incrementAndGet() % FLUSH_EVERY == 0) {
            flush();
        }
    }

    private LongAdder counter(String bank, String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown bank counter " + key);
        }
        return banks.computeIfAbsent(bank, b -> new ConcurrentHashMap<>()).computeIfAbsent(key, k -> new LongAdder());
    }

    private static long get(Map<String, LongAdder> c, String key) {
        LongAdder a = c.get(key);
        return a == null ? 0 : a.sum();
    }
}
