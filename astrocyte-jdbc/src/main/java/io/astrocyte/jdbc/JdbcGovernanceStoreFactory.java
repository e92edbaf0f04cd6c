package io.astrocyte.jdbc;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.ProviderFactory;
import java.util.Map;

/**
 * {@code governance_store: jdbc} with {@code governance_store_config: {url, username, password, schema,
 * table_prefix, pool_size}}: owners, grants, quotas and holds in a database every instance shares.
 */
public final class JdbcGovernanceStoreFactory implements ProviderFactory.ForGovernanceStore {

    @Override
    public String name() {
        return "jdbc";
    }

    /** Never picked by discovery alone: a database is chosen by name. */
    @Override
    public int priority() {
        return -100;
    }

    @Override
    public GovernanceStore create(Map<String, Object> config) {
        Object url = config.get("url");
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("governance_store_config.url: a JDBC URL is required, e.g."
                    + " jdbc:postgresql://127.0.0.1:5432/astrocyte");
        }
        int pool;
        try {
            pool = Integer.parseInt(String.valueOf(config.getOrDefault("pool_size", 8)));
        } catch (NumberFormatException e) {
            throw new ConfigException("governance_store_config.pool_size: a number, got " + config.get("pool_size"));
        }
        return JdbcGovernanceStore.open(url.toString(), text(config, "username"), text(config, "password"),
                text(config, "schema"), (String) config.getOrDefault("table_prefix", "astrocyte_"), pool);
    }

    private static String text(Map<String, Object> config, String key) {
        Object v = config.get(key);
        return v == null ? null : v.toString();
    }
}
