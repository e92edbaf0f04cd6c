package io.astrocyte.policy.chain;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.policy.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call on its way through a {@link RequestPath}: who asks, the request as the caller sent it and as the
 * stages so far have made it (barriers may redact it), the banks it resolved to, what the store gave back or
 * that it was unavailable, and how it ended. Confined to the thread running the path.
 *
 * @param <Q> the request type
 * @param <R> the result type
 */
public final class Call<Q, R> {

    private final Verb verb;
    private final AstrocyteContext context;
    private final Q original;
    private final long startNanos = System.nanoTime();
    private Q request;
    private List<String> banks = List.of();
    private R result;
    private ProviderUnavailableException unavailable;
    private Outcome outcome = Outcome.OK;
    private final Map<Class<?>, Object> values = new HashMap<>();

    public Call(Verb verb, Q request, AstrocyteContext context) {
        this.verb = Objects.requireNonNull(verb, "verb");
        this.original = request;
        this.request = request;
        this.context = context;
    }

    public Verb verb() {
        return verb;
    }

    /** The caller's identity; {@code null} for an anonymous call. */
    public AstrocyteContext context() {
        return context;
    }

    /** The request as the caller sent it, before any barrier changed it. */
    public Q original() {
        return original;
    }

    /** The request as the stages so far have made it. */
    public Q request() {
        return request;
    }

    public void request(Q value) {
        this.request = Objects.requireNonNull(value, "request");
    }

    /** The banks the call reads or writes, once the access stage has resolved them. */
    public List<String> banks() {
        return banks;
    }

    public void banks(List<String> value) {
        this.banks = List.copyOf(value);
    }

    public long startNanos() {
        return startNanos;
    }

    /** The result so far: set by the store stage, refined by the output stages; {@code null} before. */
    public R result() {
        return result;
    }

    public void result(R value) {
        this.result = Objects.requireNonNull(value, "result");
    }

    /** Why the store stage produced no result, for the escalation stage to answer; {@code null} when it did. */
    public ProviderUnavailableException unavailable() {
        return unavailable;
    }

    public void unavailable(ProviderUnavailableException e) {
        this.unavailable = e;
    }

    public Outcome outcome() {
        return outcome;
    }

    public void outcome(Outcome value) {
        this.outcome = Objects.requireNonNull(value, "outcome");
    }

    /** A value one stage leaves for a later one, by its type (e.g. the ranked hits for the budget stage). */
    public <T> void put(Class<T> type, T value) {
        values.put(type, value);
    }

    /** A value an earlier stage may have left; empty when none did. */
    public <T> java.util.Optional<T> find(Class<T> type) {
        return java.util.Optional.ofNullable(values.get(type)).map(type::cast);
    }

    public <T> T get(Class<T> type) {
        Object v = values.get(type);
        if (v == null) {
            throw new IllegalStateException(verb.label() + ": no " + type.getSimpleName()
                    + " was left by an earlier stage; the request path is out of order");
        }
        return type.cast(v);
    }
}
