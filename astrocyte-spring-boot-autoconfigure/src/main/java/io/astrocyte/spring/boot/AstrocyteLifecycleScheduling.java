package io.astrocyte.spring.boot;

import io.astrocyte.Astrocyte;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs Astrocyte's lifecycle rounds (TTL on every bank with lifecycle on) on Spring's scheduling at
 * {@code astrocyte.lifecycle.run-interval-minutes}: the application's {@link TaskScheduler} when it has one
 * (with {@code @EnableScheduling}), else a one-thread scheduler of its own. The facade's own scheduler is off in
 * the starter, so rounds never run twice; they start with the context and stop before the facade closes.
 */
public class AstrocyteLifecycleScheduling implements SmartLifecycle {

    private final Astrocyte brain;
    private final Duration interval;
    private final TaskScheduler appScheduler;
    private ThreadPoolTaskScheduler own;
    private ScheduledFuture<?> rounds;

    /**
     * @param interval     time between rounds; zero or less schedules nothing
     * @param appScheduler the application's scheduler, or {@code null} to use one of its own
     */
    public AstrocyteLifecycleScheduling(Astrocyte brain, Duration interval, TaskScheduler appScheduler) {
        this.brain = brain;
        this.interval = interval;
        this.appScheduler = appScheduler;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || rounds != null) {
            return;
        }
        TaskScheduler scheduler = appScheduler;
        if (scheduler == null) {
            own = new ThreadPoolTaskScheduler();
            own.setPoolSize(1);
            own.setThreadNamePrefix("astrocyte-lifecycle-");
            own.setDaemon(true);
            own.initialize();
            scheduler = own;
        }
        rounds = scheduler.scheduleWithFixedDelay(brain::runLifecycleRound,
                java.time.Instant.now().plus(interval), interval);
    }

    @Override
    public synchronized void stop() {
        if (rounds != null) {
            rounds.cancel(false);
            rounds = null;
        }
        if (own != null) {
            own.shutdown();
            own = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return rounds != null;
    }
}
