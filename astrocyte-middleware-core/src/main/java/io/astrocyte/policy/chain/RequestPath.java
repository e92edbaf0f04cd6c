package io.astrocyte.policy.chain;

import io.astrocyte.policy.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ordered stages one verb runs. Each stage gets the {@link Call} and the rest of the path: it may check
 * and refuse (throw), answer without going on (a rejected retain), change the request, put or refine the
 * result (the store stage, then budget and DLP), or wrap the rest (a span, a quota that records success). The order here is the order of effects, and
 * {@link #stages()} prints it; a new policy is a new stage in a list, not a new branch inside a verb.
 *
 * <p>If the rest of the path ends with the store unavailable and no stage answered for it, the call fails
 * with that {@link io.astrocyte.ProviderUnavailableException}: a missing escalation stage never turns a
 * failure into an empty success.
 *
 * @param <Q> the request type
 * @param <R> the result type
 */
public final class RequestPath<Q, R> {

    /** One stage: does its part and, unless it answers itself, hands the call to the rest of the path. */
    @FunctionalInterface
    public interface Stage<Q, R> {
        R apply(Call<Q, R> call, Rest<Q, R> rest);
    }

    /** The stages after the current one. */
    @FunctionalInterface
    public interface Rest<Q, R> {
        R proceed(Call<Q, R> call);
    }

    private record Named<Q, R>(String name, Stage<Q, R> stage) {
    }

    private final Verb verb;
    private final List<Named<Q, R>> stages;
    private RequestPath(Verb verb, List<Named<Q, R>> stages) {
        this.verb = verb;
        this.stages = List.copyOf(stages);
    }

    /** After the last stage: the result the stages left, or the store's failure if no stage answered for it. */
    private R end(Call<Q, R> call) {
        if (call.result() == null && call.unavailable() != null) {
            throw call.unavailable();
        }
        if (call.result() == null) {
            throw new IllegalStateException(verb.label() + ": the request path ended without a result");
        }
        return call.result();
    }

    public static <Q, R> Builder<Q, R> builder(Verb verb) {
        return new Builder<>(verb);
    }

    public Verb verb() {
        return verb;
    }

    /** The stage names in the order they act. */
    public List<String> stages() {
        return stages.stream().map(Named::name).toList();
    }

    /** Runs the call through every stage. */
    public R run(Call<Q, R> call) {
        return from(0, call);
    }

    private R from(int i, Call<Q, R> call) {
        if (i == stages.size()) {
            return end(call);
        }
        return stages.get(i).stage().apply(call, c -> from(i + 1, c));
    }

    /** Collects the stages of a path in order. */
    public static final class Builder<Q, R> {
        private final Verb verb;
        private final List<Named<Q, R>> stages = new ArrayList<>();

        private Builder(Verb verb) {
            this.verb = Objects.requireNonNull(verb, "verb");
        }

        public Builder<Q, R> stage(String name, Stage<Q, R> stage) {
            if (stages.stream().anyMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException(verb.label() + " already has a stage named " + name);
            }
            stages.add(new Named<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(stage, "stage")));
            return this;
        }

        /** The path; a call returns the result its stages left on it. */
        public RequestPath<Q, R> build() {
            return new RequestPath<>(verb, stages);
        }
    }
}
