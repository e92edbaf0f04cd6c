package io.astrocyte.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.ProviderUnavailableException;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Qdrant call to completion: waits up to the timeout, retries transient failures
 * ({@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED}, {@code ABORTED}, a rate limiter's
 * {@code RESOURCE_EXHAUSTED}, and local timeouts) with exponential backoff and jitter, or after the
 * {@code retry-after} Qdrant's rate limiter sends, and turns what remains into
 * {@link ProviderUnavailableException}, which the facade's circuit breaker counts. Two kinds of failure are
 * never retried: a message over gRPC's size limit (the same request fails the same way again) and a request
 * Qdrant refuses as bad ({@code INVALID_ARGUMENT}, {@code NOT_FOUND}, {@code OUT_OF_RANGE}: a wrong
 * dimension, a missing collection or index, a strict-mode violation), which becomes an
 * {@link InvalidRequestException} so that a caller's mistake never opens the breaker. Every operation the
 * store retries is idempotent (upserts by deterministic id, payload sets, deletes, reads).
 */
final class GrpcCalls {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcCalls.class);
    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);
    private static final Set<Status.Code> CALLER_ERRORS = EnumSet.of(Status.Code.INVALID_ARGUMENT,
            Status.Code.NOT_FOUND, Status.Code.OUT_OF_RANGE);
    /** Seconds to wait, sent by Qdrant's rate limiter with {@code RESOURCE_EXHAUSTED}. */
    static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);

    private final Duration timeout;
    private final int maxRetries;
    private final Duration backoff;

    GrpcCalls(Duration timeout, int maxRetries, Duration backoff) {
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
    }

    <T> T call(String what, Supplier<ListenableFuture<T>> operation) {
        for (int attempt = 0; ; attempt++) {
            ListenableFuture<T> future = operation.get();
            Throwable failure;
            boolean retry;
            long retryAfterMs = -1;
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("qdrant " + what + " interrupted", e);
            } catch (TimeoutException e) {
                future.cancel(true);
                failure = e;
                retry = true;
            } catch (ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
                Status status = Status.fromThrowable(failure);
                if (CALLER_ERRORS.contains(status.getCode())) {
                    InvalidRequestException refused = new InvalidRequestException("vector_store",
                            "Qdrant refused the " + what + " as a bad request: " + describe(failure));
                    refused.initCause(failure);
                    throw refused;
                }
                if (isOverSizeLimit(status)) {
                    throw new ProviderUnavailableException("qdrant " + what + " failed: a gRPC message over the size"
                            + " limit (" + describe(failure) + "); not retried, the same request would fail again",
                            failure);
                }
                retry = TRANSIENT.contains(status.getCode());
                retryAfterMs = retryAfterMillis(failure);
                if (retryAfterMs > timeout.toMillis()) {
                    throw new ProviderUnavailableException("qdrant " + what + " is rate limited: Qdrant asks to retry"
                            + " after " + retryAfterMs / 1000 + " s, longer than the call timeout", failure);
                }
            }
            if (!retry || attempt >= maxRetries) {
                throw new ProviderUnavailableException("qdrant " + what + " failed"
                        + (attempt > 0 ? " after " + (attempt + 1) + " attempts" : "") + ": " + describe(failure),
                        failure);
            }
            long wait = retryAfterMs >= 0 ? retryAfterMs : backoff.toMillis() << Math.min(attempt, 10);
            wait += ThreadLocalRandom.current().nextLong(wait / 2 + 1);
            LOG.debug("qdrant {} failed ({}), retry {} in {} ms", what, describe(failure), attempt + 1, wait);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("qdrant " + what + " interrupted", e);
            }
        }
    }

    /**
     * Several independent calls at once: all are sent before any answer is awaited, so they cost about one round
     * trip. A call that fails or times out is run again alone under {@link #call}'s retry policy (which also turns a
     * refusal into the same exception), so the answers are those of {@code call}, in order.
     */
    <T> java.util.List<T> callAll(String what, java.util.List<Supplier<ListenableFuture<T>>> operations) {
        java.util.List<ListenableFuture<T>> started = new java.util.ArrayList<>(operations.size());
        for (Supplier<ListenableFuture<T>> op : operations) {
            started.add(op.get());
        }
        java.util.List<T> out = new java.util.ArrayList<>(operations.size());
        for (int i = 0; i < started.size(); i++) {
            try {
                out.add(started.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                started.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("qdrant " + what + " interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                started.get(i).cancel(true);
                out.add(call(what, operations.get(i)));
            }
        }
        return out;
    }

    /** gRPC's message size limit, on either side: not a passing condition. */
    static boolean isOverSizeLimit(Status status) {
        String d = status.getDescription() == null ? "" : status.getDescription().toLowerCase(java.util.Locale.ROOT);
        return status.getCode() == Status.Code.RESOURCE_EXHAUSTED
                && (d.contains("maximum size") || d.contains("larger than max") || d.contains("too large"));
    }

    /** The {@code retry-after} trailer in milliseconds, or -1 when there is none. */
    private static long retryAfterMillis(Throwable failure) {
        Metadata trailers = Status.trailersFromThrowable(failure);
        String value = trailers == null ? null : trailers.get(RETRY_AFTER);
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof TimeoutException) {
            return "no answer within the timeout";
        }
        Status s = Status.fromThrowable(t);
        return s.getCode() == Status.Code.UNKNOWN ? String.valueOf(t) : s.getCode() + (s.getDescription() == null
                ? "" : " " + s.getDescription());
    }
}
