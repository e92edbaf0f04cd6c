package io.astrocyte.policy.chain;

import io.astrocyte.RateLimitedException;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.policy.homeostasis.Quotas;
import io.astrocyte.policy.homeostasis.RateLimits;
import java.util.Map;
import java.util.function.BiPredicate;

/** Homeostasis: per-minute rate limits and daily quotas on the banks a call resolved to. */
final class LimitStages {

    private final RateLimits rateLimits;
    private final Quotas quotas;
    private final HookDispatcher hooks;

    LimitStages(RateLimits rateLimits, Quotas quotas, HookDispatcher hooks) {
        this.rateLimits = rateLimits;
        this.quotas = quotas;
        this.hooks = hooks;
    }

    /** Takes a token from every bucket that applies, or refuses the call (and says so to the hooks). */
    <Q, R> RequestPath.Stage<Q, R> rate() {
        return (call, rest) -> {
            try {
                rateLimits.acquire(call.verb(), call.banks(), call.context());
            } catch (RateLimitedException e) {
                hooks.fire("on_rate_limited", e.bankId(), Map.of("operation", call.verb().label(),
                        "retry_after_seconds", e.retryAfterSeconds()), null);
                throw e;
            }
            return rest.proceed(call);
        };
    }

    /**
     * Refuses a call over a bank's daily quota; counts it once the rest of the path says it counts. Units a
     * shared store reserved are given back when the call fails or does not count.
     */
    <Q, R> RequestPath.Stage<Q, R> quota(BiPredicate<Call<Q, R>, R> counts) {
        return (call, rest) -> {
            java.util.List<String> reserved = new java.util.ArrayList<>();
            try {
                for (String bank : call.banks()) {
                    quotas.check(call.verb(), bank);
                    reserved.add(bank);
                }
            } catch (RuntimeException e) {
                reserved.forEach(b -> quotas.release(call.verb(), b));
                throw e;
            }
            R result;
            try {
                result = rest.proceed(call);
            } catch (RuntimeException e) {
                reserved.forEach(b -> quotas.release(call.verb(), b));
                throw e;
            }
            if (counts.test(call, result)) {
                for (String bank : call.banks()) {
                    quotas.record(call.verb(), bank);
                }
            } else {
                reserved.forEach(b -> quotas.release(call.verb(), b));
            }
            return result;
        };
    }
}
