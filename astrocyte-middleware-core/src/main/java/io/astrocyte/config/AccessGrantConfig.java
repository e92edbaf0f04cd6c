package io.astrocyte.config;

import java.util.List;

/**
 * One entry of {@code access_grants} (SPEC §2.3); {@code bank_id} and {@code principal} may be globs.
 *
 * @param permissions {@code read}, {@code write}, {@code forget}, {@code admin}
 */
public record AccessGrantConfig(String bankId, String principal, List<String> permissions) {

    public AccessGrantConfig {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
