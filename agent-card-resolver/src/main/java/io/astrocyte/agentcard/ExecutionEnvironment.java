package io.astrocyte.agentcard;

import java.util.Objects;

/**
 * Where and for whom an agent runs (SPEC §2.5–2.6). The end user comes from the authenticated subject
 * (for example the OAuth {@code sub} under the card's security scheme), never from the card.
 *
 * @param environment e.g. {@code production}, {@code staging}, {@code dev}; required
 * @param sandboxId   the sandbox the agent runs in, if any; carried into the context for audit
 * @param tenantId    the deployment tenant; {@code {tenant_id}} in bank templates
 * @param onBehalfOf  the authenticated end user as a principal ({@code user:<sub>}); {@code {user_id}}
 * @param sessionId   the conversation or session; {@code {session_id}}
 */
public record ExecutionEnvironment(String environment, String sandboxId, String tenantId, String onBehalfOf,
        String sessionId) {

    public ExecutionEnvironment {
        Objects.requireNonNull(environment, "environment");
        if (environment.isBlank()) {
            throw new IllegalArgumentException("environment must not be blank");
        }
    }

    public static ExecutionEnvironment of(String environment) {
        return new ExecutionEnvironment(environment, null, null, null, null);
    }

    public ExecutionEnvironment forUser(String principal) {
        return new ExecutionEnvironment(environment, sandboxId, tenantId, principal, sessionId);
    }

    public ExecutionEnvironment inTenant(String tenant) {
        return new ExecutionEnvironment(environment, sandboxId, tenant, onBehalfOf, sessionId);
    }

    public ExecutionEnvironment inSession(String session) {
        return new ExecutionEnvironment(environment, sandboxId, tenantId, onBehalfOf, session);
    }

    public ExecutionEnvironment inSandbox(String sandbox) {
        return new ExecutionEnvironment(environment, sandbox, tenantId, onBehalfOf, sessionId);
    }
}
