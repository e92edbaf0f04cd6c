package io.astrocyte.config;

import io.astrocyte.ConfigException;
import java.util.List;
import java.util.UUID;

/**
 * {@code agent_cards}: how the agent-card resolver maps A2A agent cards to principals and banks
 * (SPEC §2.5, FRAMEWORKS §4.2). Read by the {@code agent-card-resolver} module.
 *
 * @param namespace              UUIDv5 namespace for agent principals; a fixed project namespace when unset.
 *                               Changing it gives every agent a new principal (and so new memory).
 * @param cacheSize              resolutions kept in memory (default 1024)
 * @param productionEnvironments environment names that count as production (default {@code production, prod})
 * @param productionBanks        bank globs that hold production memory, in addition to banks declared with
 *                               {@code banks.<id>.environment: production}
 * @param mappings               rules tried in order after the exact {@code agents.<name>} match
 */
public record AgentCardsConfig(String namespace, Integer cacheSize, List<String> productionEnvironments,
        List<String> productionBanks, List<AgentCardMapping> mappings) {

    public static final AgentCardsConfig DEFAULT = new AgentCardsConfig(null, null, null, null, null);

    public AgentCardsConfig {
        if (namespace != null) {
            try {
                UUID.fromString(namespace);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("agent_cards.namespace: not a UUID: '" + namespace + "'", e);
            }
        }
        cacheSize = cacheSize == null ? 1024 : cacheSize;
        ConfigChecks.positive("agent_cards.cache_size", cacheSize);
        productionEnvironments = productionEnvironments == null ? List.of("production", "prod")
                : List.copyOf(productionEnvironments);
        productionBanks = productionBanks == null ? List.of() : List.copyOf(productionBanks);
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }
}
