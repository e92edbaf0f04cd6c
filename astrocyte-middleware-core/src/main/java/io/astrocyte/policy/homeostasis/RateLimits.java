package io.astrocyte.policy.homeostasis;

import io.astrocyte.policy.Verb;
import io.astrocyte.RateLimitedException;
import io.astrocyte.config.AgentConfig;
import io.astrocyte.config.RateLimitsConfig;
import io.astrocyte.identity.AgentLimits;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.RateLimitStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limits of SPEC §3.1, checked after access control and before any work: the instance-wide
 * {@code global_per_minute}, the calling agent's own limit ({@code agents.<name>.max_*_per_minute}, or a
 * binding's limits registered by the agent-card resolver; reflect counts as recall), then the per-bank
 * limit of the verb on every bank touched. A refusal throws {@link RateLimitedException} with the wait
 * and gives back the tokens the same call took from the earlier buckets, so a refused call costs nothing.
 * Calls are never queued.
 */
public final class RateLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** The verbs that are limited. */

    private record Taken(String key, long capacity) {
    }

    private final RateLimitsConfig config;
    private final java.util.function.Function<String, RateLimitsConfig> perBank;
    private final RateLimitStore store;
    private final Map<String, AgentLimits> agents = new ConcurrentHashMap<>();

    public RateLimits(RateLimitsConfig config, Map<String, AgentConfig> configuredAgents, RateLimitStore store) {
        this(config, bank -> config, configuredAgents, store);
    }

    /**
     * @param config  the global limits ({@code global_per_minute} and the defaults)
     * @param perBank the limits of one bank (its own {@code banks.<id>.homeostasis.rate_limits}, or the global)
     */
    public RateLimits(RateLimitsConfig config, java.util.function.Function<String, RateLimitsConfig> perBank,
            Map<String, AgentConfig> configuredAgents, RateLimitStore store) {
        this.config = config;
        this.perBank = perBank;
        this.store = store;
        configuredAgents.forEach((name, a) -> {
            if (a.maxRetainPerMinute() != null || a.maxRecallPerMinute() != null) {
                agents.put(a.principalFor(name), new AgentLimits(a.maxRetainPerMinute(), a.maxRecallPerMinute()));
            }
        });
    }

    /** Sets the per-agent limits of a principal (for example from a resolved agent card); NONE clears them. */
    public void registerAgent(String principal, AgentLimits limits) {
        if (limits == null || (limits.maxRetainPerMinute() == null && limits.maxRecallPerMinute() == null)) {
            agents.remove(principal);
        } else {
            agents.put(principal, limits);
        }
    }

    /** Takes one token from every bucket that applies, or none at all. */
    public void acquire(Verb verb, List<String> banks, AstrocyteContext context) {
        String op = verb.name().toLowerCase(java.util.Locale.ROOT);
        List<Taken> taken = new ArrayList<>();
        try {
            take(taken, "global", config.globalPerMinute(), "*", op + " (global_per_minute)");
            if (context != null) {
                AgentLimits a = agents.get(context.principal());
                if (a != null) {
                    Integer perMinute = verb == Verb.RETAIN ? a.maxRetainPerMinute() : a.maxRecallPerMinute();
                    String agentOp = verb == Verb.RETAIN ? "retain" : "recall";
                    take(taken, "agent:" + context.principal() + ":" + agentOp, perMinute, String.join(",", banks),
                            op + " (agent " + context.principal() + ")");
                }
            }
            for (String bank : banks) {
                RateLimitsConfig limits = perBank.apply(bank);
                Integer perMinute = switch (verb) {
                    case RETAIN -> limits.retainPerMinute();
                    case RECALL -> limits.recallPerMinute();
                    case REFLECT -> limits.reflectPerMinute();
                    default -> null; // no per-bank rate for the other verbs
                };
                take(taken, "bank:" + bank + ":" + op, perMinute, bank, op);
            }
        } catch (RateLimitedException e) {
            for (Taken t : taken) {
                store.refund(t.key(), t.capacity(), MINUTE);
            }
            throw e;
        }
    }

    private void take(List<Taken> taken, String key, Integer perMinute, String bank, String op) {
        if (perMinute == null) {
            return;
        }
        RateLimitStore.Probe p = store.tryConsume(key, perMinute, MINUTE);
        if (!p.consumed()) {
            throw new RateLimitedException(bank, op, p.retryAfter().toNanos() / 1e9);
        }
        taken.add(new Taken(key, perMinute));
    }
}
