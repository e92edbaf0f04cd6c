package io.astrocyte.policy.homeostasis;

import io.astrocyte.policy.Verb;
import io.astrocyte.RateLimitedException;
import io.astrocyte.config.QuotasConfig;
import io.astrocyte.spi.GovernanceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily quotas per bank (SPEC §3.1): {@code retain_per_day} and {@code reflect_per_day} count successful
 * calls and reset at midnight UTC. A call over quota is refused with {@link RateLimitedException} whose
 * wait runs to the next midnight. Counts are kept in memory and written to the {@link GovernanceStore} at
 * most once a second and on close, so a restart resumes the day's count. A crash can lose up to a second
 * of counts, which errs on the side of the caller. Concurrent calls at the limit may pass together: a
 * call counts only once it has succeeded. With a store that {@linkplain GovernanceStore#sharesQuotas() shares
 * quotas} (a database every replica uses), each call instead reserves a unit there before it runs and gives it
 * back when it does not count ({@link #release}), so the limit is exact across replicas.
 */
public final class Quotas {

    private static final Logger LOG = LoggerFactory.getLogger(Quotas.class);
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    private final java.util.function.Function<String, QuotasConfig> config;
    private final GovernanceStore store;
    private final Clock clock;
    private LocalDate day;
    private Map<String, Long> used = new HashMap<>();
    private boolean dirty;
    private Instant lastFlush = Instant.MIN;

    /** @param store where counts persist; {@code null} keeps them in memory only */
    public Quotas(QuotasConfig config, GovernanceStore store, Clock clock) {
        this(bank -> config, store, clock);
    }

    /** @param config the quotas of one bank (its own, or the global ones) */
    public Quotas(java.util.function.Function<String, QuotasConfig> config, GovernanceStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    /** Refuses the call when the bank has used its quota for today (with a shared store: reserves a unit). */
    public void check(Verb verb, String bankId) {
        Integer limit = limit(verb, bankId);
        if (limit == null) {
            return;
        }
        if (shared()) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (!store.tryConsumeQuota(today, key(verb, bankId), limit)) {
                throw overQuota(verb, bankId, limit, today);
            }
            return;
        }
        synchronized (this) {
            checkLocal(verb, bankId, limit);
        }
    }

    /** Gives back the unit {@link #check} reserved in a shared store, for a call that did not count. */
    public void release(Verb verb, String bankId) {
        if (shared() && limit(verb, bankId) != null) {
            store.refundQuota(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), key(verb, bankId));
        }
    }

    private boolean shared() {
        return store != null && store.sharesQuotas();
    }

    private RateLimitedException overQuota(Verb verb, String bankId, int limit, LocalDate day) {
        Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new RateLimitedException(bankId, verb.name().toLowerCase(java.util.Locale.ROOT) + " (quota "
                + limit + " per day)", Duration.between(clock.instant(), midnight).toMillis() / 1000.0);
    }

    private void checkLocal(Verb verb, String bankId, int limit) {
        roll();
        if (used.getOrDefault(key(verb, bankId), 0L) >= limit) {
            throw overQuota(verb, bankId, limit, day);
        }
    }

    /** Counts a successful call (with a shared store it was counted when reserved). */
    public synchronized void record(Verb verb, String bankId) {
        if (limit(verb, bankId) == null || shared()) {
            return;
        }
        roll();
        used.merge(key(verb, bankId), 1L, Long::sum);
        dirty = true;
        if (Duration.between(lastFlush, clock.instant()).compareTo(FLUSH_EVERY) >= 0) {
            flush();
        }
    }

    /** Writes the day's counts to the governance store if they changed. */
    public synchronized void flush() {
        if (!dirty || store == null) {
            return;
        }
        try {
            store.saveQuotaUsage(day, used);
            dirty = false;
            lastFlush = clock.instant();
        } catch (RuntimeException e) {
            LOG.warn("could not persist quota counts: {}", e.toString());
        }
    }

    private void roll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(day)) {
            flush();
            day = today;
            used = new HashMap<>(store == null ? Map.of() : store.quotaUsage(today));
            dirty = false;
        }
    }

    private Integer limit(Verb verb, String bankId) {
        QuotasConfig q = config.apply(bankId);
        return switch (verb) {
            case RETAIN -> q.retainPerDay();
            case REFLECT -> q.reflectPerDay();
            default -> null; // only retains and reflects have daily quotas
        };
    }

    private static String key(Verb verb, String bankId) {
        return verb.name().toLowerCase(java.util.Locale.ROOT) + ":" + bankId;
    }
}
