package io.astrocyte.config;

import java.util.List;

/**
 * {@code banks.<id>}: per-bank settings. So far only {@code access}; the per-bank policy overrides of
 * SPEC §7 arrive with the policy layer.
 */
public record BankConfig(List<BankAccess> access) {

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
