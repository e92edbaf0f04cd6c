package io.astrocyte.lifecycle;

import io.astrocyte.spi.RecallStats;
import io.astrocyte.spi.VectorStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps per-memory recall statistics (SPEC §6.4 [J]) without touching the recall's critical path: a recall
 * adds its hit ids to an in-memory map (a merge per hit), and a background thread hands the accumulated
 * increments to {@link VectorStore#recordRecalls} every flush interval, one call per bank. A failed write is
 * merged back and retried on the next flush; closing flushes what is pending. Increments not yet written
 * when the process dies are lost, which costs a memory at most one interval of "last recalled" time.
 *
 * <p>When more than {@link #MAX_PENDING} memories wait, a flush starts early; past twice that, new increments
 * are dropped (and counted) rather than let a stalled store grow the heap without bound.
 */
public final class RecallTracker implements AutoCloseable {

    static final int MAX_PENDING = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(RecallTracker.class);

    private final VectorStore store;
    private final Clock clock;
    private Map<String, Map<String, RecallStats>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Object flushLock = new Object();
    /** Shared by recalls adding to the map, exclusive for the swap, so no increment lands in a flushed map. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock swap = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final ScheduledExecutorService flusher;

    /** @param interval how often pending increments are written; {@code null} flushes only on demand and close */
    public RecallTracker(VectorStore store, Clock clock, Duration interval) {
        this.store = store;
        this.clock = clock;
        if (interval == null) {
            this.flusher = null;
        } else {
            this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "astrocyte-recall-stats");
                t.setDaemon(true);
                return t;
            });
            long ms = interval.toMillis();
            flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** Counts one recall of each memory, now. Cheap and never throws. */
    public void recalled(String bankId, Collection<String> memoryIds) {
        if (memoryIds.isEmpty()) {
            return;
        }
        if (size.get() >= 2 * MAX_PENDING) {
            dropped.addAndGet(memoryIds.size());
            return;
        }
        RecallStats one = new RecallStats(1, clock.instant());
        swap.readLock().lock();
        try {
            Map<String, RecallStats> bank = pending.computeIfAbsent(bankId, b -> new ConcurrentHashMap<>());
            for (String id : memoryIds) {
                if (id != null && bank.merge(id, one, RecallStats::plus) == one) {
                    size.incrementAndGet();
                }
            }
        } finally {
            swap.readLock().unlock();
        }
        if (size.get() >= MAX_PENDING && flusher != null) {
            flusher.execute(this::flushQuietly);
        }
    }

    /** Writes everything pending to the store now; throws what the store threw (the increments stay pending). */
    public void flush() {
        synchronized (flushLock) {
            Map<String, Map<String, RecallStats>> batch;
            swap.writeLock().lock();
            try {
                batch = pending;
                pending = new ConcurrentHashMap<>();
                size.set(0);
            } finally {
                swap.writeLock().unlock();
            }
            RuntimeException failure = null;
            for (Map.Entry<String, Map<String, RecallStats>> bank : batch.entrySet()) {
                try {
                    store.recordRecalls(bank.getKey(), bank.getValue());
                } catch (RuntimeException e) {
                    failure = e;
                    Map<String, RecallStats> back = pending.computeIfAbsent(bank.getKey(), b -> new ConcurrentHashMap<>());
                    bank.getValue().forEach((id, s) -> {
                        if (back.merge(id, s, RecallStats::plus) == s) {
                            size.incrementAndGet();
                        }
                    });
                }
            }
            int lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warn("{} recall statistics increments were dropped while the store fell behind", lost);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** How many memories have increments waiting. */
    public int pendingCount() {
        return size.get();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("recall statistics not written yet (will retry): {}", e.toString());
        }
    }

    /** Stops the background flushes and writes what is pending. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }
}
