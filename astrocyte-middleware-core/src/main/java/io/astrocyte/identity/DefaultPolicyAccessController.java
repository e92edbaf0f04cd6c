package io.astrocyte.identity;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.AuthorizationException;
import io.astrocyte.config.AccessControlConfig;

/**
 * The access check used until grants are configured: it refuses anonymous calls unless the default
 * policy is {@code open}, and, when access control is enabled, applies the default policy to every
 * identity ({@code open} allows, {@code deny} and {@code owner_only} refuse). Grant-based access control
 * replaces it without changing the facade.
 */
public final class DefaultPolicyAccessController implements AccessController {

    private final AccessControlConfig config;

    public DefaultPolicyAccessController(AccessControlConfig config) {
        this.config = config;
    }

    @Override
    public void check(AstrocyteContext context, String bankId, Permission permission) {
        boolean open = config.defaultPolicy() == AccessControlConfig.DefaultPolicy.OPEN;
        if (context == null) {
            if (open) {
                return;
            }
            throw new AuthorizationException("no identity: pass an AstrocyteContext (anonymous calls are refused"
                    + " unless access_control.default_policy is open)");
        }
        if (!config.enabled() || open) {
            return;
        }
        throw new AccessDeniedException(context.principal(), bankId, permission);
    }
}
