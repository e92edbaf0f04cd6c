package io.astrocyte.policy.chain;

import io.astrocyte.PiiRejectedException;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.observe.Telemetry;
import io.astrocyte.policy.BankPolicies;
import io.astrocyte.policy.barrier.PiiBarrier;
import java.util.Map;
import java.util.Optional;

/** Barriers on what is stored: content validation, then the PII barrier, then metadata sanitizing. */
final class BarrierStages {

    private final BankPolicies policies;
    private final Telemetry telemetry;
    private final HookDispatcher hooks;

    BarrierStages(BankPolicies policies, Telemetry telemetry, HookDispatcher hooks) {
        this.policies = policies;
        this.telemetry = telemetry;
        this.hooks = hooks;
    }

    /** Content that fails validation is answered with {@code stored=false} and the reason; nothing is written. */
    RequestPath.Stage<RetainRequest, RetainResult> validation() {
        return (call, rest) -> {
            Optional<String> invalid = policies.barriers(call.request().bankId()).validator().check(call.request());
            if (invalid.isPresent()) {
                call.outcome(Outcome.REJECTED);
                return RetainResult.rejected(invalid.get());
            }
            return rest.proceed(call);
        };
    }

    /** Redacts, warns about or refuses personal data, as the bank's PII policy says. */
    RequestPath.Stage<RetainRequest, RetainResult> pii() {
        return (call, rest) -> {
            RetainRequest r = call.request();
            PiiBarrier.Result pii;
            try {
                pii = policies.barriers(r.bankId()).pii().apply(r.content(), r.bankId());
            } catch (PiiRejectedException e) {
                detected(r.bankId(), String.join(",", e.piiTypes()), "reject");
                throw e;
            }
            if (pii.detected()) {
                detected(r.bankId(), String.join(",", pii.types()), pii.redacted() ? "redact" : "warn");
            }
            call.request(r.sanitized(pii.text(), r.metadata(), pii.detected()));
            return rest.proceed(call);
        };
    }

    private void detected(String bank, String types, String action) {
        telemetry.piiDetected(bank, action);
        hooks.fire("on_pii_detected", bank, Map.of("pii_types", types, "action", action), null);
    }

    /** Drops or trims metadata the bank's metadata barrier does not allow. */
    RequestPath.Stage<RetainRequest, RetainResult> metadata() {
        return (call, rest) -> {
            RetainRequest r = call.request();
            call.request(r.sanitized(r.content(), policies.barriers(r.bankId()).metadata().sanitize(r.metadata()),
                    false));
            return rest.proceed(call);
        };
    }
}
