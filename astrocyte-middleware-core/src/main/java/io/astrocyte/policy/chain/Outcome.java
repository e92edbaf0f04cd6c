package io.astrocyte.policy.chain;

/** How a call ended, as metrics and traces report it; set by the stages that decide it, never parsed from text. */
public enum Outcome {
    /** Served as asked. */
    OK,
    /** Refused by a policy (validation, noisy bank, dedup) with a result that says why; nothing was stored. */
    REJECTED,
    /** The store was unavailable and the degraded mode answered instead. */
    DEGRADED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
