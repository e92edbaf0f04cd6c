package io.astrocyte.observe;

import io.astrocyte.api.BankHealth;
import io.astrocyte.api.QualityDataPoint;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * at start and written back every {@link #FLUSH_EVERY} updates and on close, so they survive restarts. Each
 * counter is kept twice: in total, and for the current UTC day ({@code key@yyyy-mm-dd}), from which the daily
 * quality points come; days older than the history are dropped when the counters are written.
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
    private final boolean enabled;
    private final int historyDays;
    /** With a shared store, {@link #banks} holds increments not yet written, and totals are read back. */
    private final boolean shared;
    private final java.util.Set<String> known = ConcurrentHashMap.newKeySet();

    /** @param store where the counters persist; {@code null} keeps them in memory only */
    public BankStatistics(GovernanceStore store, Clock clock) {
        this(store, clock, true, 30);
    }

    /**
     * @param enabled     {@code false} counts nothing (bank health then reports no operations)
     * @param historyDays how many UTC days of daily counters each bank keeps
     */
    public BankStatistics(GovernanceStore store, Clock clock, boolean enabled, int historyDays) {
        this.store = store;
        this.clock = clock;
        this.enabled = enabled;
        this.historyDays = historyDays;
        this.shared = store != null && store.sharesCounters();
        if (store != null && !shared) {
            store.bankCounters().forEach((bank, counters) -> counters.forEach((k, v) -> banks
                    .computeIfAbsent(bank, b -> new ConcurrentHashMap<>()).computeIfAbsent(k, x -> new LongAdder())
                    .add(v)));
        }
    }

    /** Counts a retain; returns {@code true} when it is the first this bank has had (the bank was created). */
    public boolean retained(String bank, int contentLength, boolean duplicate) {
        if (!enabled) {
            return false;
        }
        boolean created = shared
                ? known.add(bank) && !banks.containsKey(bank) && store.bankCounters(bank).isEmpty()
                : !banks.containsKey(bank) && banks.putIfAbsent(bank, new ConcurrentHashMap<>()) == null;
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
        known.remove(bank);
        if (shared) {
            banks.remove(bank);
            try {
                store.deleteBankCounters(bank);
            } catch (RuntimeException e) {
                LOG.warn("could not drop the counters of purged bank {}: {}", bank, e.toString());
            }
        } else if (banks.remove(bank) != null) {
            flush();
        }
    }

    /** @param topScore the best hit's score, ignored when there were no hits */
    public void recalled(String bank, int hits, double topScore) {
        if (!enabled) {
            return;
        }
        counter(bank, "recalls").increment();
        if (hits > 0) {
            counter(bank, "recall_hits").increment();
            counter(bank, "top_score_micros").add(Math.round(Math.max(0, Math.min(1, topScore)) * 1_000_000));
        }
        updated();
    }

    public void reflected(String bank, boolean answered) {
        if (!enabled) {
            return;
        }
        counter(bank, "reflects").increment();
        if (answered) {
            counter(bank, "reflect_answers").increment();
        }
        updated();
    }

    /** Every bank with counters, sorted. */
    public List<String> banks() {
        TreeSet<String> all = new TreeSet<>(banks.keySet());
        if (shared) {
            all.addAll(store.bankCounters().keySet());
        }
        return new ArrayList<>(all);
    }

    /** The bank's health now (SPEC §6.7). */
    public BankHealth health(String bank) {
        Map<String, LongAdder> c = shared ? totals(bank) : banks.getOrDefault(bank, Map.of());
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
        return new BankHealth(bank, Math.round(score * 1000) / 1000.0, status, issues, metrics, clock.instant(),
                quality(c));
    }

    /** The bank's daily points, oldest first, from the {@code key@day} counters. */
    private List<QualityDataPoint> quality(Map<String, LongAdder> c) {
        java.util.TreeMap<LocalDate, Map<String, Long>> days = new java.util.TreeMap<>();
        c.forEach((key, v) -> {
            int at = key.indexOf('@');
            if (at > 0) {
                days.computeIfAbsent(LocalDate.parse(key.substring(at + 1)), d -> new java.util.HashMap<>())
                        .put(key.substring(0, at), v.sum());
            }
        });
        List<QualityDataPoint> out = new ArrayList<>();
        days.forEach((day, d) -> {
            long retains = d.getOrDefault("retains", 0L);
            long recalls = d.getOrDefault("recalls", 0L);
            long hits = d.getOrDefault("recall_hits", 0L);
            long reflects = d.getOrDefault("reflects", 0L);
            out.add(new QualityDataPoint(day, retains, recalls, ratio(hits, recalls),
                    hits == 0 ? 0 : d.getOrDefault("top_score_micros", 0L) / 1e6 / hits,
                    ratio(d.getOrDefault("duplicates", 0L), retains),
                    ratio(d.getOrDefault("reflect_answers", 0L), reflects)));
        });
        return out;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** A shared store's totals for the bank plus this instance's increments not yet written. */
    private Map<String, LongAdder> totals(String bank) {
        Map<String, LongAdder> out = new java.util.HashMap<>();
        store.bankCounters(bank).forEach((k, v) -> out.computeIfAbsent(k, x -> new LongAdder()).add(v));
        banks.getOrDefault(bank, Map.of()).forEach((k, v) -> out.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
        return out;
    }

    /** Drops daily counters older than the history, then writes the counters to the governance store. */
    public synchronized void flush() {
        if (shared) {
            flushIncrements();
            return;
        }
        String oldest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(historyDays - 1L).toString();
        banks.values().forEach(c -> c.keySet().removeIf(k -> {
            int at = k.indexOf('@');
            return at > 0 && k.substring(at + 1).compareTo(oldest) < 0;
        }));
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

    /** Writes this instance's increments to the shared store; what fails to write is kept for the next flush. */
    private void flushIncrements() {
        Map<String, Map<String, Long>> increments = new LinkedHashMap<>();
        banks.forEach((bank, c) -> c.forEach((k, v) -> {
            long n = v.sumThenReset();
            if (n != 0) {
                increments.computeIfAbsent(bank, b -> new LinkedHashMap<>()).put(k, n);
            }
        }));
        if (increments.isEmpty()) {
            return;
        }
        try {
            store.addBankCounters(increments, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .minusDays(historyDays - 1L));
        } catch (RuntimeException e) {
            increments.forEach((bank, c) -> c.forEach((k, n) -> banks.computeIfAbsent(bank, b -> new ConcurrentHashMap<>())
                    .computeIfAbsent(k, x -> new LongAdder()).add(n)));
            LOG.warn("could not add bank counters to the shared store (kept for the next flush): {}", e.toString());
        }
    }

    private void updated() {
        if (updates.incrementAndGet() % FLUSH_EVERY == 0) {
            flush();
        }
    }

    /** Today's and the total counter of {@code key}, added to together. */
    private Counter counter(String bank, String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown bank counter " + key);
        }
        Map<String, LongAdder> c = banks.computeIfAbsent(bank, b -> new ConcurrentHashMap<>());
        String today = key + '@' + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new Counter(c.computeIfAbsent(key, k -> new LongAdder()), c.computeIfAbsent(today, k -> new LongAdder()));
    }

    private record Counter(LongAdder total, LongAdder day) {
        void increment() {
            add(1);
        }

        void add(long n) {
            total.add(n);
            day.add(n);
        }
    }

    private static long get(Map<String, LongAdder> c, String key) {
        LongAdder a = c.get(key);
        return a == null ? 0 : a.sum();
    }
}
