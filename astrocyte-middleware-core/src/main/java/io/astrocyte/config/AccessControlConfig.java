package io.astrocyte.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code access_control} (SPEC §2.3, §7).
 *
 * <p>Access control is on unless switched off: a governed memory layer fails closed. Under the default
 * {@code owner_only} policy the first identity to write a bank owns it and everyone else needs a grant.
 * {@code enabled: false} is the explicit opt-out (identified calls then reach any bank they name).
 *
 * @param enabled              whether grants are enforced (default {@code true})
 * @param defaultPolicy        what applies when no grant decides, and whether anonymous calls pass
 * @param policyProvider       name of an {@link io.astrocyte.spi.AccessPolicyProvider} factory, or {@code null}
 * @param policyProviderConfig its settings
 * @param policyMode           how the provider's answers combine with the grants (default
 *                             {@code config_then_external}); ignored without a provider
 * @param grantCacheMillis     [Java] how long grants read from the governance store are reused (default 2000); a
 *                             grant changed through this instance applies at once, one changed on another replica
 *                             within this time. 0 reads the store on every check
 */
public record AccessControlConfig(Boolean enabled, DefaultPolicy defaultPolicy, String policyProvider,
        Map<String, Object> policyProviderConfig, PolicyMode policyMode, Integer grantCacheMillis) {

    public AccessControlConfig(Boolean enabled, DefaultPolicy defaultPolicy, String policyProvider,
            Map<String, Object> policyProviderConfig, PolicyMode policyMode) {
        this(enabled, defaultPolicy, policyProvider, policyProviderConfig, policyMode, null);
    }

    public enum DefaultPolicy {
        @JsonProperty("owner_only") OWNER_ONLY,
        @JsonProperty("deny") DENY,
        @JsonProperty("open") OPEN
    }

    /** How an external {@link io.astrocyte.spi.AccessPolicyProvider} and the configured grants combine. */
    public enum PolicyMode {
        /** Only the provider decides: anything but ALLOW is a denial; grants and the default policy are ignored. */
        @JsonProperty("external_only") EXTERNAL_ONLY,
        /** Grants (and the default policy) first; what they refuse, the provider may still allow. */
        @JsonProperty("config_then_external") CONFIG_THEN_EXTERNAL,
        /** The provider first: ALLOW and DENY are final; NOT_APPLICABLE falls back to the grants. */
        @JsonProperty("external_then_config") EXTERNAL_THEN_CONFIG
    }

    public static final AccessControlConfig DEFAULT = new AccessControlConfig(null, null, null, null, null);

    public AccessControlConfig {
        enabled = enabled == null || enabled;
        defaultPolicy = defaultPolicy == null ? DefaultPolicy.OWNER_ONLY : defaultPolicy;
        policyProviderConfig = policyProviderConfig == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(policyProviderConfig));
        policyMode = policyMode == null ? PolicyMode.CONFIG_THEN_EXTERNAL : policyMode;
        grantCacheMillis = grantCacheMillis == null ? 2000 : grantCacheMillis;
        if (grantCacheMillis < 0) {
            throw new io.astrocyte.ConfigException("access_control.grant_cache_millis: must not be negative, got "
                    + grantCacheMillis);
        }
    }

    /** Access control switched off: the explicit opt-out (any identified caller reaches any bank). */
    public static AccessControlConfig disabled() {
        return new AccessControlConfig(false, null, null, null, null);
    }

    /** Enabled access control with the given default policy and no external provider. */
    public static AccessControlConfig enabled(DefaultPolicy policy) {
        return new AccessControlConfig(true, policy, null, null, null);
    }
}
