package io.astrocyte.spring.boot;

import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.RateLimitStore;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Governance and rate limits shared by replicas, from the application's own connections: with
 * {@code astrocyte.governance-store=jdbc} and no {@code governance-store-config.url}, the app's {@code DataSource};
 * with {@code astrocyte.rate-limit-store=redis} and no {@code rate-limit-store-config.url}, the app's Lettuce
 * {@code RedisClient}. With a URL, the modules open their own pools as in plain Java.
 */
@Configuration(proxyBeanMethods = false)
class SharedGovernanceConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.astrocyte.jdbc.JdbcGovernanceStore")
    @ConditionalOnProperty(prefix = "astrocyte", name = "governance-store", havingValue = "jdbc")
    static class Jdbc {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(GovernanceStore.class)
        GovernanceStore astrocyteGovernanceStore(AstrocyteConfig config, ObjectProvider<DataSource> dataSources) {
            Map<String, Object> c = config.governanceStoreConfig();
            DataSource ds = dataSources.getIfUnique();
            if (c.get("url") != null || ds == null) {
                return new io.astrocyte.jdbc.JdbcGovernanceStoreFactory().create(c);
            }
            return io.astrocyte.jdbc.JdbcGovernanceStore.open(ds, (String) c.get("schema"),
                    (String) c.getOrDefault("table_prefix", "astrocyte_"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.astrocyte.redis.RedisRateLimitStore")
    @ConditionalOnProperty(prefix = "astrocyte", name = "rate-limit-store", havingValue = "redis")
    static class Redis {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(RateLimitStore.class)
        RateLimitStore astrocyteRateLimitStore(AstrocyteConfig config,
                ObjectProvider<io.lettuce.core.RedisClient> clients) {
            Map<String, Object> c = config.rateLimitStoreConfig();
            io.lettuce.core.RedisClient client = clients.getIfUnique();
            if (c.get("url") != null || client == null) {
                return new io.astrocyte.redis.RedisRateLimitStoreFactory().create(c);
            }
            io.astrocyte.redis.RedisRateLimitStore.FailMode mode = "fail_open".equals(c.get("fail_mode"))
                    ? io.astrocyte.redis.RedisRateLimitStore.FailMode.FAIL_OPEN
                    : io.astrocyte.redis.RedisRateLimitStore.FailMode.FAIL_CLOSED;
            return io.astrocyte.redis.RedisRateLimitStore.from(client,
                    (String) c.getOrDefault("key_prefix", "astrocyte:rl:"), mode,
                    Duration.ofMillis(Long.parseLong(String.valueOf(c.getOrDefault("timeout_ms", 500)))));
        }
    }
}
