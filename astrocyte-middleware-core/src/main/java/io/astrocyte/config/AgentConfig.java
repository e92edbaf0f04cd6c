package io.astrocyte.config;

import java.util.List;

/**
 * {@code agents.<name>} (SPEC §2.3, §2.5): a named agent, the banks it may use and its per-agent limits.
 * It becomes grants at load: principal {@code agent:<name>} (or {@link #principal}) with
 * {@link #permissions} (default {@code read, write}) on {@link #banks}, {@link #allowedBanks} and
 * {@link #defaultBank}. Bank globs such as {@code user-*} are expanded against the banks declared under
 * {@code banks:}, so an agent only reaches banks the operator has named.
 *
 * @param maxRetainPerMinute per-agent retain rate, handed to the rate limiter of the policy layer
 * @param maxRecallPerMinute per-agent recall rate, handed to the rate limiter of the policy layer
 */
public record AgentConfig(String principal, List<String> banks, List<String> allowedBanks, String defaultBank,
        List<String> permissions, Integer maxRetainPerMinute, Integer maxRecallPerMinute) {

    public AgentConfig {
        banks = banks == null ? List.of() : List.copyOf(banks);
        allowedBanks = allowedBanks == null ? List.of() : List.copyOf(allowedBanks);
        permissions = permissions == null || permissions.isEmpty() ? List.of("read", "write") : List.copyOf(permissions);
        ConfigChecks.positiveOrNull("max_retain_per_minute", maxRetainPerMinute);
        ConfigChecks.positiveOrNull("max_recall_per_minute", maxRecallPerMinute);
    }

    /** The principal of agent {@code name}: {@link #principal} when set, else {@code agent:<name>}. */
    public String principalFor(String name) {
        return principal == null || principal.isBlank() ? "agent:" + name : principal;
    }
}
