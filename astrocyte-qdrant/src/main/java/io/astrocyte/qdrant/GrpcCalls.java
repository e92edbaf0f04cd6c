package io.astrocyte.qdrant;

import com.google.common.util.concurrent.ListenableFuture;
import io.astrocyte.ProviderUnavailableException;
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
 * ({@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED}, {@code RESOURCE_EXHAUSTED}, {@code ABORTED}, and local
 * timeouts) with exponential backoff and jitter, and turns what remains into
 * {@link ProviderUnavailableException}, which the facade's circuit breaker counts. Every operation the
 * store retries is idempotent (upserts by deterministic id, payload sets, deletes, reads).
 */
final class GrpcCalls {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcCalls.class);
    private static final Set<Status.Code> TRANSIENT = EnumSet.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

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
                retry = TRANSIENT.contains(Status.fromThrowable(failure).getCode());
            }
            if (!retry || attempt >= maxRetries) {
                throw new ProviderUnavailableException("qdrant " + what + " failed"
                        + (attempt > 0 ? " after " + (attempt + 1) + " attempts" : "") + ": " + describe(failure),
                        failure);
            }
            long wait = backoff.toMillis() << Math.min(attempt, 10);
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

    private static String describe(Throwable t) {
        if (t instanceof TimeoutException) {
            return "no answer within the timeout";
        }
        Status s = Status.fromThrowable(t);
        return s.getCode() == Status.Code.UNKNOWN ? String.valueOf(t) : s.getCode() + (s.getDescription() == null
                ? "" : " " + s.getDescription());
    }
}
