package io.astrocyte.spi;

import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;

/**
 * An external policy decision point (OPA, Cerbos, Casbin, a company service) consulted at the same
 * point as the configured grants (SPEC §2.3). How its answer combines with the grants is set by
 * {@code access_control.policy_mode}: {@code external_only}, {@code config_then_external} (the default)
 * or {@code external_then_config}; see {@link io.astrocyte.config.AccessControlConfig.PolicyMode}.
 *
 * <p>Called on the request thread for every bank a verb touches, so it should answer from a local
 * cache or a fast sidecar. Throwing fails the call closed with
 * {@link io.astrocyte.ProviderUnavailableException}; it never falls back to allowing.
 */
@FunctionalInterface
public interface AccessPolicyProvider extends AutoCloseable {

    /**
     * @param context    the caller; never {@code null} (anonymous calls are decided before)
     * @param bankId     the bank being touched
     * @param permission what the call needs on it
     */
    PolicyDecision check(AstrocyteContext context, String bankId, Permission permission);

    @Override
    default void close() {
    }
}
