package io.astrocyte.config;

import java.util.List;

/**
 * {@code banks.<id>}: per-bank settings.
 *
 * @param environment the environment whose memory the bank holds (e.g. {@code production}); bindings made
 *                    in other environments cannot reach a production bank unless their mapping allows it
 * @param profile     a profile for this bank only, between the global settings and this block
 * @param homeostasis this bank's budgets, rate limits and quotas, already merged over the global ones
 *                    ({@code null}: the global ones)
 * @param barriers    this bank's validation, PII and metadata barriers, already merged likewise
 * @param signalQuality this bank's dedup and noisy-bank settings, already merged likewise
 * @param lifecycle   this bank's retention, already merged likewise ({@code null}: the global one)
 */
public record BankConfig(List<BankAccess> access, String environment, String profile, HomeostasisConfig homeostasis,
        BarriersConfig barriers, SignalQualityConfig signalQuality, LifecycleConfig lifecycle) {

    /** {@code banks.<id>.access[]}: a principal (or glob) and its permissions on this bank. */
    public record BankAccess(String principal, List<String> permissions) {

        public BankAccess {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }

    public BankConfig {
        access = access == null ? List.of() : List.copyOf(access);
    }

    /** A bank with only grants. */
    public static BankConfig withAccess(List<BankAccess> access) {
        return new BankConfig(access, null, null, null, null, null, null);
    }
}
