package io.astrocyte.lifecycle;

import io.astrocyte.api.LifecycleResult;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs lifecycle on every bank at a fixed interval on one daemon thread (SPEC §6.4 [J]). A bank whose pass is
 * still running here is skipped until the next round; a failing bank is logged and the round goes on. Several
 * instances may schedule the same banks: the passes are idempotent. Spring applications get the same rounds
 * from Spring's scheduler instead (the starter calls {@link #runRound()}).
 */
public final class LifecycleScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleScheduler.class);

    private final LifecycleRunner runner;
    private final Supplier<Collection<String>> banks;
    private ScheduledExecutorService executor;

    /** @param banks the banks to visit each round, asked afresh every round */
    public LifecycleScheduler(LifecycleRunner runner, Supplier<Collection<String>> banks) {
        this.runner = runner;
        this.banks = banks;
    }

    /** Starts rounds every {@code interval}, the first one interval from now. */
    public synchronized void start(Duration interval) {
        if (executor != null) {
            throw new IllegalStateException("already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "astrocyte-lifecycle");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(this::runRound, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One round now, on the calling thread: a pass on every bank not already running; returns how many ran. */
    public int runRound() {
        int ran = 0;
        for (String bank : banks.get()) {
            try {
                Optional<LifecycleResult> r = runner.runIfIdle(bank);
                if (r.isPresent()) {
                    ran++;
                    if (r.get().archivedCount() + r.get().deletedCount() > 0) {
                        LOG.info("lifecycle on {}: {} archived, {} deleted, {} kept", bank, r.get().archivedCount(),
                                r.get().deletedCount(), r.get().skippedCount());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("lifecycle on {} failed, next round retries: {}", bank, e.toString());
            }
        }
        return ran;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
