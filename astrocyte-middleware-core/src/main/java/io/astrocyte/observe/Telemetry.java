package io.astrocyte.observe;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.AuthorizationException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.PiiRejectedException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.RateLimitedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Metrics and observations of the memory verbs (SPEC §3.6) on the application's Micrometer registries.
 * Each verb runs inside an {@link Observation} named {@code astrocyte.<verb>} (a span when the
 * application bridges to a tracer) and is counted and timed as {@code astrocyte.<verb>} /
 * {@code astrocyte.<verb>.duration}, tagged {@code provider}, {@code status} and, when
 * {@code observability.bank_label} is on, {@code bank_id}. Tags and names never carry memory text.
 */
public final class Telemetry {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final String provider;
    private final boolean bankLabel;

    public Telemetry(MeterRegistry meters, ObservationRegistry observations, String provider, boolean bankLabel) {
        this.meters = meters;
        this.observations = observations;
        this.provider = provider;
        this.bankLabel = bankLabel;
    }

    /**
     * Runs one verb call and records it.
     *
     * @param status the status of a call that returned (e.g. {@code ok}, {@code rejected}, {@code degraded})
     */
    public <T> T observe(String verb, String bankId, Supplier<T> call, Function<T, String> status) {
        Observation observation = Observation.createNotStarted("astrocyte." + verb, observations)
                .lowCardinalityKeyValue("astrocyte.provider", provider);
        if (bankLabel && bankId != null) {
            observation.lowCardinalityKeyValue("astrocyte.bank_id", bankId);
        }
        long start = System.nanoTime();
        observation.start();
        String outcome = "error";
        try (Observation.Scope ignored = observation.openScope()) {
            T result = call.get();
            outcome = status.apply(result);
            return result;
        } catch (RuntimeException e) {
            outcome = statusOf(e);
            observation.error(e);
            throw e;
        } finally {
            observation.lowCardinalityKeyValue("astrocyte.status", outcome);
            observation.stop();
            Tags tags = tags(bankId).and("status", outcome);
            meters.counter("astrocyte." + verb, tags).increment();
            Timer.builder("astrocyte." + verb + ".duration").tags(tags).register(meters)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** {@code astrocyte.pii.detected{bank_id?, action}}. */
    public void piiDetected(String bankId, String action) {
        meters.counter("astrocyte.pii.detected", tags(bankId).and("action", action)).increment();
    }

    /** {@code astrocyte.dedup{bank_id?, action}}: one per duplicate chunk found. */
    public void deduplicated(String bankId, String action, int chunks) {
        meters.counter("astrocyte.dedup", tags(bankId).and("action", action)).increment(chunks);
    }

    /** {@code astrocyte.noisy_bank.transitions{bank_id?, state}}: a bank became noisy or recovered. */
    public void noisyBank(String bankId, boolean noisy) {
        meters.counter("astrocyte.noisy_bank.transitions", tags(bankId).and("state", noisy ? "noisy" : "recovered"))
                .increment();
    }

    /** {@code astrocyte.token_budget.truncations{bank_id?}}. */
    public void truncated(String bankId) {
        meters.counter("astrocyte.token_budget.truncations", tags(bankId)).increment();
    }

    /** One routing decision of the Memory Intent Protocol, by rule ({@code none} when no rule won) and how. */
    public void mipDecision(String rule, String resolvedBy) {
        meters.counter("astrocyte.mip.decisions", Tags.of("provider", provider, "rule", rule == null ? "none" : rule,
                "resolved_by", resolvedBy)).increment();
    }

    /** Registers a gauge read from {@code source} (held weakly by Micrometer, so keep it referenced). */
    public <S> void gauge(String name, S source, ToDoubleFunction<S> value) {
        meters.gauge(name, Tags.of("provider", provider), source, value);
    }

    /** A gauge with one more tag besides the provider. */
    public <S> void gauge(String name, String tag, String tagValue, S source, ToDoubleFunction<S> value) {
        meters.gauge(name, Tags.of("provider", provider, tag, tagValue), source, value);
    }

    private Tags tags(String bankId) {
        Tags tags = Tags.of("provider", provider);
        return bankLabel && bankId != null ? tags.and("bank_id", bankId) : tags;
    }

    private static String statusOf(RuntimeException e) {
        if (e instanceof RateLimitedException) {
            return "rate_limited";
        }
        if (e instanceof AccessDeniedException || e instanceof AuthorizationException) {
            return "denied";
        }
        if (e instanceof PiiRejectedException) {
            return "pii_rejected";
        }
        if (e instanceof InvalidRequestException) {
            return "invalid";
        }
        if (e instanceof ProviderUnavailableException) {
            return "unavailable";
        }
        return "error";
    }
}
