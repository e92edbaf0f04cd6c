package io.astrocyte.policy.chain;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.observe.Telemetry;
import java.util.function.Function;

/** The outermost stages: the call's span and metrics (labelled with its typed outcome), then a request check. */
final class SpanStage {

    private final Telemetry telemetry;

    SpanStage(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    <Q, R> RequestPath.Stage<Q, R> span(Function<Q, String> bank) {
        return (call, rest) -> telemetry.observe(call.verb().label(),
                call.original() == null ? null : bank.apply(call.original()), () -> rest.proceed(call),
                r -> call.outcome().label());
    }

    static <Q, R> RequestPath.Stage<Q, R> request() {
        return (call, rest) -> {
            if (call.request() == null) {
                throw new InvalidRequestException(null, "request is required");
            }
            return rest.proceed(call);
        };
    }
}
