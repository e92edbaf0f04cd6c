package io.astrocyte.identity;

/**
 * Per-agent rate limits from {@code agents.<name>} or an agent-card mapping, carried by a binding for the
 * rate limiter of the policy layer. {@code null} means no per-agent limit.
 */
public record AgentLimits(Integer maxRetainPerMinute, Integer maxRecallPerMinute) {

    public static final AgentLimits NONE = new AgentLimits(null, null);
}
