package io.astrocyte.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code access_control} (SPEC §2.3, §7).
 *
 * @param enabled       whether grants are enforced (default {@code false})
 * @param defaultPolicy what applies when no grant decides, and whether anonymous calls pass
 */
public record AccessControlConfig(Boolean enabled, DefaultPolicy defaultPolicy) {

    public enum DefaultPolicy {
        @JsonProperty("owner_only") OWNER_ONLY,
        @JsonProperty("deny") DENY,
        @JsonProperty("open") OPEN
    }

    public static final AccessControlConfig DEFAULT = new AccessControlConfig(null, null);

    public AccessControlConfig {
        enabled = enabled != null && enabled;
        defaultPolicy = defaultPolicy == null ? DefaultPolicy.OWNER_ONLY : defaultPolicy;
    }
}
