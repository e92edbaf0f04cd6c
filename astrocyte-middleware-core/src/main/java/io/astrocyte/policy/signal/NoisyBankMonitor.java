package io.astrocyte.policy.signal;

import io.astrocyte.RateLimitedException;
import io.astrocyte.config.SignalQualityConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Watches each bank's retains for the signs of a noisy bank (SPEC §3.3): a burst far above the bank's
 * usual rate, content too short to be worth remembering, or mostly near-duplicates. See
 * {@link SignalQualityConfig.NoisyBank} for the exact rules.
 *
 * <p>Counts live in per-minute buckets of the last hour, in process, for at most {@code maxBanks} banks
 * (least recently used dropped first). Only retains that reached the pipeline are recorded, so refusing a
 * noisy bank does not keep it noisy: its window moves on and it recovers.
 */
public final class NoisyBankMonitor {

    /** Why a bank counts as noisy. */
    public enum Reason {
        RETAIN_SPIKE, SHORT_CONTENT, HIGH_DEDUP_RATE
    }

    /** A bank became noisy ({@code reasons} non-empty) or recovered ({@code reasons} empty). */
    public record Transition(String bankId, List<Reason> reasons, SignalQualityConfig.NoisyAction action) {

        public boolean noisy() {
            return !reasons.isEmpty();
        }
    }

    /** Default number of banks watched at once. */
    public static final int DEFAULT_MAX_BANKS = 10_000;

    private static final int MINUTES = 60;
    /** Minutes of history before a bank's average rate is trusted as the spike baseline. */
    private static final int MIN_BASELINE_MINUTES = 5;

    private final Function<String, SignalQualityConfig.NoisyBank> configFor;
    private final Clock clock;
    private final Consumer<Transition> observer;
    private final Map<String, Signals> banks;

    /**
     * @param configFor the noisy-bank settings of a bank (global or the bank's override)
     * @param observer  told when a bank becomes noisy or recovers; must not throw
     */
    public NoisyBankMonitor(Function<String, SignalQualityConfig.NoisyBank> configFor, Clock clock,
            Consumer<Transition> observer, int maxBanks) {
        this.configFor = configFor;
        this.clock = clock;
        this.observer = observer;
        this.banks = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Signals> eldest) {
                return size() > maxBanks;
            }
        });
    }

    /**
     * Decides whether a retain into {@code bankId} may go ahead.
     *
     * @return a refusal reason under {@code action: reject}, else empty (go ahead)
     * @throws RateLimitedException under {@code action: throttle}, for the retains beyond the admitted share
     */
    public Optional<String> admit(String bankId) {
        SignalQualityConfig.NoisyBank config = configFor.apply(bankId);
        if (!config.enabled()) {
            return Optional.empty();
        }
        Signals s = banks.get(bankId);
        if (s == null) {
            return Optional.empty();
        }
        long nowMillis = clock.millis();
        List<Reason> reasons;
        boolean admitted;
        synchronized (s) {
            reasons = update(s, bankId, config, nowMillis / 60_000);
            if (reasons.isEmpty() || config.action() == SignalQualityConfig.NoisyAction.WARN) {
                return Optional.empty();
            }
            if (config.action() == SignalQualityConfig.NoisyAction.REJECT) {
                return Optional.of("Bank " + bankId + " is noisy (" + describe(reasons)
                        + "); retains are refused until it recovers");
            }
            int every = Math.max(1, Math.round(100f / config.throttleToPercent()));
            admitted = ++s.throttleCounter % every == 0;
        }
        if (admitted) {
            return Optional.empty();
        }
        double retryAfter = (60_000 - nowMillis % 60_000) / 1000.0;
        throw new RateLimitedException(bankId, "retain", retryAfter, "bank " + bankId + " is noisy ("
                + describe(reasons) + "); retains are throttled to " + config.throttleToPercent() + " %");
    }

    /**
     * Records a retain that reached the pipeline.
     *
     * @param duplicate whether dedup found near-duplicates in it
     */
    public void record(String bankId, int contentLength, boolean duplicate) {
        SignalQualityConfig.NoisyBank config = configFor.apply(bankId);
        if (!config.enabled()) {
            return;
        }
        long minute = clock.millis() / 60_000;
        Signals s = banks.computeIfAbsent(bankId, k -> new Signals(minute));
        synchronized (s) {
            int slot = s.slot(minute);
            s.count[slot]++;
            s.length[slot] += contentLength;
            if (duplicate) {
                s.duplicates[slot]++;
            }
            update(s, bankId, config, minute);
        }
    }

    /** Why the bank is noisy right now; empty when it is not (or is not watched). */
    public List<Reason> reasons(String bankId) {
        Signals s = banks.get(bankId);
        if (s == null) {
            return List.of();
        }
        SignalQualityConfig.NoisyBank config = configFor.apply(bankId);
        synchronized (s) {
            return update(s, bankId, config, clock.millis() / 60_000);
        }
    }

    /** Re-evaluates the signals at {@code minute} and reports a change of state. Holds the bank's lock. */
    private List<Reason> update(Signals s, String bankId, SignalQualityConfig.NoisyBank config, long minute) {
        List<Reason> reasons = evaluate(s, config, minute);
        boolean changed = reasons.isEmpty() != s.reasons.isEmpty();
        s.reasons = reasons;
        if (changed) {
            observer.accept(new Transition(bankId, reasons, config.action()));
        }
        return reasons;
    }

    private static List<Reason> evaluate(Signals s, SignalQualityConfig.NoisyBank config, long minute) {
        List<Reason> reasons = new ArrayList<>(3);
        long current = s.countAt(minute);
        long history = Math.min(MINUTES - 1, minute - s.firstMinute);
        if (history >= MIN_BASELINE_MINUTES && current >= config.minSamples()) {
            long past = 0;
            for (long m = minute - history; m < minute; m++) {
                past += s.countAt(m);
            }
            double baseline = (double) past / history;
            if (current > config.retainSpikeMultiplier() * baseline) {
                reasons.add(Reason.RETAIN_SPIKE);
            }
        }
        long n = 0;
        long length = 0;
        long dups = 0;
        for (long m = minute - config.windowMinutes() + 1; m <= minute; m++) {
            n += s.countAt(m);
            length += s.lengthAt(m);
            dups += s.duplicatesAt(m);
        }
        if (n >= config.minSamples()) {
            if ((double) length / n < config.minAvgContentLength()) {
                reasons.add(Reason.SHORT_CONTENT);
            }
            if ((double) dups / n > config.maxDedupRate()) {
                reasons.add(Reason.HIGH_DEDUP_RATE);
            }
        }
        return List.copyOf(reasons);
    }

    private static String describe(List<Reason> reasons) {
        List<String> parts = new ArrayList<>();
        for (Reason r : reasons) {
            parts.add(switch (r) {
                case RETAIN_SPIKE -> "retain spike";
                case SHORT_CONTENT -> "short content";
                case HIGH_DEDUP_RATE -> "mostly duplicates";
            });
        }
        return String.join(", ", parts);
    }

    /** One bank's per-minute buckets, a ring over the last hour; guarded by its own monitor. */
    private static final class Signals {
        final long firstMinute;
        final long[] minuteOf = new long[MINUTES];
        final long[] count = new long[MINUTES];
        final long[] length = new long[MINUTES];
        final long[] duplicates = new long[MINUTES];
        List<Reason> reasons = List.of();
        long throttleCounter;

        Signals(long firstMinute) {
            this.firstMinute = firstMinute;
            java.util.Arrays.fill(minuteOf, -1);
        }

        /** The bucket of {@code minute}, emptied first if it still holds an older minute. */
        int slot(long minute) {
            int i = (int) Math.floorMod(minute, (long) MINUTES);
            if (minuteOf[i] != minute) {
                minuteOf[i] = minute;
                count[i] = 0;
                length[i] = 0;
                duplicates[i] = 0;
            }
            return i;
        }

        long countAt(long minute) {
            int i = (int) Math.floorMod(minute, (long) MINUTES);
            return minuteOf[i] == minute ? count[i] : 0;
        }

        long lengthAt(long minute) {
            int i = (int) Math.floorMod(minute, (long) MINUTES);
            return minuteOf[i] == minute ? length[i] : 0;
        }

        long duplicatesAt(long minute) {
            int i = (int) Math.floorMod(minute, (long) MINUTES);
            return minuteOf[i] == minute ? duplicates[i] : 0;
        }
    }
}
