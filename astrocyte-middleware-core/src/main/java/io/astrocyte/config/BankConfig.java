package io.astrocyte.config;

import java.util.List;

/**
 * {@code banks.<id>}: per-bank settings. So far {@code access} and {@code environment}; the per-bank
 * policy overrides of SPEC §7 arrive with the policy layer.
 *
 * @param environment the environment whose memory the bank holds (e.g. {@code production}); bindings made
 *                    in other environments cannot reach a production bank unless their mapping allows it
 */
public record BankConfig(List<BankAccess> access, String environment) {

    /** {@code banks.<id>.access[]}: a principal (or glob) and its permissions on this bank. */
    public record BankAccess(String principal, List<String> permissions) {

        public BankAccess {
            permissions = permissions == null ? List.of() : List.copyOf(permissions);
        }
    }

    public BankConfig {
        access = access == null ? List.of() : List.copyOf(access);
    }
}
