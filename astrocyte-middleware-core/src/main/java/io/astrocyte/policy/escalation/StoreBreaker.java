package io.astrocyte.policy.escalation;

import io.astrocyte.api.CircuitState;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.config.EscalationConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The circuit breaker in front of the store (SPEC §3.4), on Resilience4j: a count window as long as
 * {@code failure_threshold} that opens at a 100 % failure rate, which is exactly "N consecutive
 * failures"; a failed trial call while half-open reopens it at once. Only {@link ProviderUnavailableException} (the store or embedder failing) counts; a caller's
 * bad request never opens it. While open, calls fail at once with {@link ProviderUnavailableException}.
 */
public final class StoreBreaker {


    private final CircuitBreaker breaker;
    private final String storeName;

    public StoreBreaker(String storeName, EscalationConfig.CircuitBreaker config, Clock clock) {
        this.storeName = storeName;
        CircuitBreakerConfig c = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.failureThreshold())
                .minimumNumberOfCalls(config.failureThreshold())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(Duration.ofSeconds(config.recoveryTimeoutSeconds()))
                .permittedNumberOfCallsInHalfOpenState(config.halfOpenMaxCalls())
                .recordException(e -> e instanceof ProviderUnavailableException)
                .clock(clock)
                .build();
        this.breaker = CircuitBreaker.of("astrocyte-store-" + storeName, c);
    }

    /** Runs a store call through the breaker. */
    public <T> T call(Supplier<T> storeCall) {
        try {
            return breaker.executeSupplier(storeCall);
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException(storeName + ": circuit breaker open after repeated failures", e);
        } catch (ProviderUnavailableException e) {
            // SPEC: one failed trial reopens at once; Resilience4j alone would wait for every trial call.
            if (breaker.getState() == CircuitBreaker.State.HALF_OPEN) {
                breaker.transitionToOpenState();
            }
            throw e;
        }
    }

    /** Calls {@code listener} when the breaker opens or closes (half-open is a step on the way, not reported). */
    public void onTransition(java.util.function.Consumer<CircuitState> listener) {
        breaker.getEventPublisher().onStateTransition(e -> {
            CircuitState to = switch (e.getStateTransition().getToState()) {
                case OPEN, FORCED_OPEN -> CircuitState.OPEN;
                case HALF_OPEN -> CircuitState.HALF_OPEN;
                default -> CircuitState.CLOSED;
            };
            if (to != CircuitState.HALF_OPEN) {
                listener.accept(to);
            }
        });
    }

    public CircuitState state() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            default -> CircuitState.CLOSED;
        };
    }
}
