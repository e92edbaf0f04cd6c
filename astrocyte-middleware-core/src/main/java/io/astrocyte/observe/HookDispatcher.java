package io.astrocyte.observe;

import io.astrocyte.api.MemoryEvent;
import io.astrocyte.spi.MemoryEventListener;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers memory events to hooks (SPEC §6.5). Asynchronous hooks run on one background thread with a
 * bounded queue; when it is full the event is dropped for that hook with a warning (the memory operation
 * already succeeded). Whatever a hook throws is logged as {@code astrocyte.hook.error} and never reaches the
 * caller. Memory text is built only for hooks that ask for it.
 */
public final class HookDispatcher implements AutoCloseable {

    private static final Logger ERRORS = LoggerFactory.getLogger("astrocyte.hook.error");

    /** A listener and whether it runs off the request thread. */
    public record Hook(MemoryEventListener listener, boolean async) {
    }

    private final List<Hook> hooks;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    public HookDispatcher(List<Hook> hooks, Clock clock) {
        this.hooks = List.copyOf(hooks);
        this.clock = clock;
        this.executor = hooks.isEmpty() ? null : new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "astrocyte-hooks");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        if (executor != null) {
            executor.allowCoreThreadTimeOut(true);
        }
    }

    public boolean active() {
        return !hooks.isEmpty();
    }

    /**
     * @param content memory text for hooks with {@code include_content}; built only when one of them wants it
     */
    public void fire(String type, String bankId, Map<String, Object> data, Supplier<Map<String, Object>> content) {
        if (hooks.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        MemoryEvent plain = new MemoryEvent(id, type, clock.instant(), bankId, data, null);
        MemoryEvent withContent = null;
        for (Hook h : hooks) {
            MemoryEvent event = plain;
            if (content != null && h.listener().includeContent()) {
                if (withContent == null) {
                    Map<String, Object> all = new LinkedHashMap<>(data);
                    all.putAll(content.get());
                    withContent = new MemoryEvent(id, type, plain.timestamp(), bankId, all, null);
                }
                event = withContent;
            }
            MemoryEvent e = event;
            if (h.async()) {
                try {
                    executor.execute(() -> deliver(h.listener(), e));
                } catch (RejectedExecutionException full) {
                    ERRORS.warn("hook queue full: {} for bank {} dropped for one hook", type, bankId);
                }
            } else {
                deliver(h.listener(), e);
            }
        }
    }

    private static void deliver(MemoryEventListener listener, MemoryEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            ERRORS.warn("hook failed on {} ({}): {}", event.type(), event.eventId(), e.toString());
        }
    }

    /** Waits briefly for queued events, so a clean shutdown delivers what it can. */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
