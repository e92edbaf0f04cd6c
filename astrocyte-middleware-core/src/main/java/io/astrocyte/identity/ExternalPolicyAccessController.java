package io.astrocyte.identity;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.config.AccessControlConfig.PolicyMode;
import io.astrocyte.spi.AccessPolicyProvider;
import io.astrocyte.spi.PolicyDecision;
import java.util.Objects;

/**
 * Combines the configured grants with an external {@link AccessPolicyProvider} in one of the modes of
 * SPEC §2.3 ({@link PolicyMode}). Anonymous calls and disabled access control are decided by the grants
 * alone, as without a provider. A provider that throws fails the call closed.
 */
public final class ExternalPolicyAccessController implements AccessController {

    private final GrantAccessController grants;
    private final AccessPolicyProvider provider;
    private final AccessControlConfig config;

    public ExternalPolicyAccessController(GrantAccessController grants, AccessPolicyProvider provider,
            AccessControlConfig config) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void check(AstrocyteContext context, String bankId, Permission permission) {
        AccessDecision d = decide(context, bankId, permission, true);
        if (!d.allowed()) {
            throw GrantAccessController.denial(context, d);
        }
    }

    @Override
    public AccessDecision decide(AstrocyteContext context, String bankId, Permission permission) {
        return decide(context, bankId, permission, false);
    }

    private AccessDecision decide(AstrocyteContext context, String bankId, Permission permission, boolean claim) {
        if (context == null || !config.enabled()) {
            return grants.decide(context, bankId, permission, claim);
        }
        return switch (config.policyMode()) {
            case EXTERNAL_ONLY -> {
                PolicyDecision ext = ask(context, bankId, permission);
                yield external(context, bankId, permission, ext.outcome() == PolicyDecision.Outcome.ALLOW, ext);
            }
            case CONFIG_THEN_EXTERNAL -> {
                AccessDecision configured = grants.decide(context, bankId, permission, claim);
                if (configured.allowed()) {
                    yield configured;
                }
                PolicyDecision ext = ask(context, bankId, permission);
                yield external(context, bankId, permission, ext.outcome() == PolicyDecision.Outcome.ALLOW, ext);
            }
            case EXTERNAL_THEN_CONFIG -> {
                PolicyDecision ext = ask(context, bankId, permission);
                if (ext.outcome() == PolicyDecision.Outcome.NOT_APPLICABLE) {
                    yield grants.decide(context, bankId, permission, claim);
                }
                yield external(context, bankId, permission, ext.outcome() == PolicyDecision.Outcome.ALLOW, ext);
            }
        };
    }

    private PolicyDecision ask(AstrocyteContext context, String bankId, Permission permission) {
        PolicyDecision d;
        try {
            d = provider.check(context, bankId, permission);
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("access policy provider failed for '" + permission.wireName()
                    + "' on bank " + bankId + "; the call is refused: " + e.getMessage(), e);
        }
        if (d == null) {
            throw new ProviderUnavailableException("access policy provider returned no decision for '"
                    + permission.wireName() + "' on bank " + bankId + "; the call is refused");
        }
        return d;
    }

    private static AccessDecision external(AstrocyteContext context, String bankId, Permission permission,
            boolean allowed, PolicyDecision ext) {
        String reason = "external policy: " + (ext.reason().isBlank()
                ? ext.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : ext.reason());
        return new AccessDecision(allowed, context.principal(), bankId, permission, null, reason);
    }
}
