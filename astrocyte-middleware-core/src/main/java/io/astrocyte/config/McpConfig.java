package io.astrocyte.config;

import io.astrocyte.ConfigException;

/**
 * {@code mcp} (SPEC §6.8): what the memory server's MCP tools offer. The tools always act as the authenticated
 * caller; these settings only narrow what a caller may do through MCP.
 *
 * @param defaultBankId   the bank a tool uses when its call names none ({@code null}: the call must name one)
 * @param exposeReflect   offer {@code memory_reflect} (default on)
 * @param exposeForget    offer {@code memory_forget} (default off: an agent erasing memory is opt-in)
 * @param exposeAdmin     offer the admin tools: bank health, legal holds, lifecycle (default off)
 * @param maxResultsLimit the most hits {@code memory_recall} returns, whatever a call asks (default 50, at most 1,000)
 * @param principal       the identity the tools act as over stdio, where no request carries credentials
 */
public record McpConfig(String defaultBankId, Boolean exposeReflect, Boolean exposeForget, Boolean exposeAdmin,
        Integer maxResultsLimit, String principal) {

    public static final McpConfig DEFAULT = new McpConfig(null, null, null, null, null, null);

    public McpConfig {
        defaultBankId = defaultBankId == null || defaultBankId.isBlank() ? null : defaultBankId;
        exposeReflect = exposeReflect == null || exposeReflect;
        exposeForget = exposeForget != null && exposeForget;
        exposeAdmin = exposeAdmin != null && exposeAdmin;
        maxResultsLimit = maxResultsLimit == null ? 50 : maxResultsLimit;
        if (maxResultsLimit < 1 || maxResultsLimit > 1000) {
            throw new ConfigException("mcp.max_results_limit: must be between 1 and 1000, got " + maxResultsLimit);
        }
        principal = principal == null || principal.isBlank() ? null : principal;
    }
}
