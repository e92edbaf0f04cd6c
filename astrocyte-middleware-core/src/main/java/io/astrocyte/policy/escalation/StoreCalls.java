package io.astrocyte.policy.escalation;

import io.astrocyte.AstrocyteException;
import io.astrocyte.ProviderUnavailableException;
import java.util.function.Supplier;

/**
 * Calls into the store (and the providers behind the pipeline): any failure that is not already one of
 * Astrocyte's typed errors becomes a {@link ProviderUnavailableException} naming the store, and store calls
 * count for the circuit breaker.
 */
public final class StoreCalls {

    private final String storeName;
    private final StoreBreaker breaker;

    public StoreCalls(String storeName, StoreBreaker breaker) {
        this.storeName = storeName;
        this.breaker = breaker;
    }

    /** A store call, through the breaker. */
    public <T> T call(Supplier<T> call) {
        return breaker.call(() -> guarded(call));
    }

    /** A provider call that does not count for the breaker (the LLM behind reflect). */
    public <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (AstrocyteException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException(storeName + ": " + e, e);
        }
    }
}
