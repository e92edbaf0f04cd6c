package io.astrocyte.observe;

import io.astrocyte.config.SignalQualityConfig;
import io.astrocyte.policy.signal.Deduplicator;
import io.astrocyte.policy.signal.NoisyBankMonitor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Reports what signal quality found (duplicates, noisy banks) to metrics, the log and hooks. */
public final class SignalEvents {

    private static final Logger LOG = LoggerFactory.getLogger("io.astrocyte.Astrocyte");

    private final Telemetry telemetry;
    private final HookDispatcher hooks;

    public SignalEvents(Telemetry telemetry, HookDispatcher hooks) {
        this.telemetry = telemetry;
        this.hooks = hooks;
    }

    public void duplicates(Deduplicator.Event e) {
        String action = e.action().name().toLowerCase(Locale.ROOT);
        telemetry.deduplicated(e.bankId(), action, e.matches().size());
        Deduplicator.Match first = e.matches().get(0);
        LOG.atLevel(e.action() == SignalQualityConfig.DedupAction.WARN ? Level.WARN : Level.DEBUG)
                .log("astrocyte.signal.dedup bank={} action={} duplicates={}/{} first_duplicate_of={} similarity={}",
                        e.bankId(), action, e.matches().size(), e.chunks(),
                        first.inBatch() ? "(same retain)" : first.existingId(),
                        String.format(Locale.ROOT, "%.3f", first.similarity()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", action);
        data.put("duplicate_count", e.matches().size());
        data.put("chunk_count", e.chunks());
        if (!first.inBatch()) {
            data.put("duplicate_of", first.existingId());
        }
        hooks.fire("on_dedup_detected", e.bankId(), data, null);
    }

    public void noisyBank(NoisyBankMonitor.Transition t) {
        telemetry.noisyBank(t.bankId(), t.noisy());
        String action = t.action().name().toLowerCase(Locale.ROOT);
        if (t.noisy()) {
            LOG.warn("astrocyte.signal.noisy_bank bank={} reasons={} action={}", t.bankId(), t.reasons(), action);
        } else {
            LOG.info("astrocyte.signal.noisy_bank bank={} recovered", t.bankId());
        }
        hooks.fire("on_noisy_bank", t.bankId(), Map.of("noisy", t.noisy(), "reasons", t.reasons().stream()
                .map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")), "action", action),
                null);
    }
}
