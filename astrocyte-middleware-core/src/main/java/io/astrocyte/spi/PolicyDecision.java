package io.astrocyte.spi;

import java.util.Objects;

/**
 * An external policy engine's answer. {@link Outcome#NOT_APPLICABLE} means the engine has no rule for
 * the request, which lets {@code external_then_config} fall back to the configured grants.
 *
 * @param reason why, for the error message and audit; never memory text
 */
public record PolicyDecision(Outcome outcome, String reason) {

    public enum Outcome { ALLOW, DENY, NOT_APPLICABLE }

    public PolicyDecision {
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
    }

    public static PolicyDecision allow(String reason) {
        return new PolicyDecision(Outcome.ALLOW, reason);
    }

    public static PolicyDecision deny(String reason) {
        return new PolicyDecision(Outcome.DENY, reason);
    }

    public static PolicyDecision notApplicable() {
        return new PolicyDecision(Outcome.NOT_APPLICABLE, "");
    }
}
