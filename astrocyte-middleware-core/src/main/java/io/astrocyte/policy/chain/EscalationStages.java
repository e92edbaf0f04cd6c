package io.astrocyte.policy.chain;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RecallTrace;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.EscalationConfig;
import io.astrocyte.policy.escalation.DegradedCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a call gets when the store was unavailable ({@code escalation.degraded_mode}): the failure itself
 * ({@code error}), an empty or "Memory unavailable" answer ({@code empty_recall}), or the last good result of
 * the same request on the same banks within its TTL ({@code cache}, which this stage also fills). The one
 * place degraded mode lives, for every verb that has it.
 */
final class EscalationStages {

    private static final Logger LOG = LoggerFactory.getLogger(EscalationStages.class);

    /** A request on its resolved banks: value-equal keys for the cache. */
    private record Key(List<String> banks, Object request) {
    }

    private final EscalationConfig.DegradedMode mode;
    private final DegradedCache<Key, RecallResult> recalls;
    private final DegradedCache<Key, ReflectResult> reflects;

    EscalationStages(EscalationConfig config, Clock clock) {
        this.mode = config.degradedMode();
        boolean caching = mode == EscalationConfig.DegradedMode.CACHE;
        Duration ttl = Duration.ofSeconds(config.cache().ttlSeconds());
        this.recalls = caching ? new DegradedCache<>(config.cache().maxEntries(), ttl, clock) : null;
        this.reflects = caching ? new DegradedCache<>(config.cache().maxEntries(), ttl, clock) : null;
    }

    /** A retain the store could not take is answered {@code stored=false}, "memory unavailable". */
    RequestPath.Stage<RetainRequest, RetainResult> retain() {
        return (call, rest) -> {
            ProviderUnavailableException e = call.unavailable();
            if (e != null) {
                failIfErrorMode(e);
                LOG.warn("retain into {} not stored, memory unavailable: {}", call.request().bankId(), e.getMessage());
                call.outcome(Outcome.DEGRADED);
                call.result(RetainResult.rejected("memory unavailable: " + e.getMessage()));
            }
            return rest.proceed(call);
        };
    }

    <Q> RequestPath.Stage<Q, RecallResult> recall() {
        return cachedOrDegraded(recalls, (call, cached) -> {
            RecallTrace trace = new RecallTrace(List.of(), 0, "degraded", (System.nanoTime() - call.startNanos())
                    / 1e6, Map.of(), Map.of(), null, Map.of(), cached.isPresent(), false);
            return cached.map(c -> new RecallResult(c.hits(), c.totalAvailable(), c.truncated(), trace, null))
                    .orElseGet(() -> new RecallResult(List.of(), 0, false, trace, null));
        });
    }

    <Q> RequestPath.Stage<Q, ReflectResult> reflect() {
        return cachedOrDegraded(reflects, (call, cached) -> cached.orElseGet(() -> new ReflectResult(
                ReflectResult.UNAVAILABLE_ANSWER, 0.0, List.of(), List.of("memory unavailable: degraded mode"), null)));
    }

    /**
     * With the store available, keeps the result for {@code cache} mode; without it, answers from the cache or
     * with {@code degraded} (given what the cache holds, if anything).
     */
    private <Q, R> RequestPath.Stage<Q, R> cachedOrDegraded(DegradedCache<Key, R> cache,
            BiFunction<Call<Q, R>, Optional<R>, R> degraded) {
        return (call, rest) -> {
            Key key = new Key(call.banks(), call.request());
            ProviderUnavailableException e = call.unavailable();
            if (e == null) {
                if (cache != null) {
                    cache.put(key, call.result());
                }
                return rest.proceed(call);
            }
            failIfErrorMode(e);
            LOG.warn("{} on {} degraded, memory unavailable: {}", call.verb().label(), call.banks(), e.getMessage());
            call.outcome(Outcome.DEGRADED);
            call.result(degraded.apply(call, cache == null ? Optional.empty() : cache.get(key)));
            return rest.proceed(call);
        };
    }

    private void failIfErrorMode(ProviderUnavailableException e) {
        if (mode == EscalationConfig.DegradedMode.ERROR) {
            throw e;
        }
    }
}
