package io.astrocyte.config;

import java.util.List;

/**
 * One rule of {@code agent_cards.mappings}. A card matches when every field given under {@link #match}
 * matches; the first matching rule wins. Bank templates may use {@code {agent_id}} (the slug of the
 * agent's label plus a short hash), {@code {user_id}}, {@code {tenant_id}}, {@code {env}} and
 * {@code {session_id}}.
 *
 * @param principal            fixed principal for matching agents instead of {@code agent:<uuidv5>}
 * @param defaultBank          template of the bank retains go to
 * @param readBanks            templates of the banks recalls read (the default bank is always included)
 * @param strategy             multi-bank recall mode: {@code parallel} (default), {@code cascade}, {@code first_match}
 * @param permissions          what the agent may do on the default bank (default {@code read, write});
 *                             the other read banks get {@code read}
 * @param environments         environments the rule applies in; empty means all
 * @param allowProductionBanks let a binding made outside production reach production banks
 */
public record AgentCardMapping(Match match, String principal, String defaultBank, List<String> readBanks,
        String strategy, List<String> permissions, List<String> environments, Boolean allowProductionBanks,
        Integer maxRetainPerMinute, Integer maxRecallPerMinute) {

    /**
     * Card fields to match, each a glob ({@code *} = one or more characters), compared case-insensitively.
     *
     * @param skill    matches when any skill's id or name matches
     * @param skillTag matches when any skill carries a matching tag
     */
    public record Match(String organization, String name, String url, String tenant, String skill, String skillTag) {
    }

    public AgentCardMapping {
        match = match == null ? new Match(null, null, null, null, null, null) : match;
        readBanks = readBanks == null ? List.of() : List.copyOf(readBanks);
        strategy = strategy == null ? "parallel" : strategy;
        if (!List.of("parallel", "cascade", "first_match").contains(strategy)) {
            throw new io.astrocyte.ConfigException("agent_cards.mappings[].strategy: '" + strategy
                    + "' is not one of parallel, cascade, first_match");
        }
        permissions = permissions == null || permissions.isEmpty() ? List.of("read", "write") : List.copyOf(permissions);
        environments = environments == null ? List.of() : List.copyOf(environments);
        allowProductionBanks = allowProductionBanks != null && allowProductionBanks;
        ConfigChecks.positiveOrNull("agent_cards.mappings[].max_retain_per_minute", maxRetainPerMinute);
        ConfigChecks.positiveOrNull("agent_cards.mappings[].max_recall_per_minute", maxRecallPerMinute);
    }
}
