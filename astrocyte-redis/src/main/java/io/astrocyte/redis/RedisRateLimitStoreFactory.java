package io.astrocyte.redis;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.ProviderFactory;
import io.astrocyte.spi.RateLimitStore;
import java.time.Duration;
import java.util.Map;

/**
 * {@code rate_limit_store: redis} with {@code rate_limit_store_config: {url, key_prefix, fail_mode
 * (fail_closed | fail_open), timeout_ms}}.
 */
public final class RedisRateLimitStoreFactory implements ProviderFactory.ForRateLimitStore {

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public int priority() {
        return -100;
    }

    @Override
    public RateLimitStore create(Map<String, Object> config) {
        String url = String.valueOf(config.getOrDefault("url", "redis://127.0.0.1:6379"));
        String mode = String.valueOf(config.getOrDefault("fail_mode", "fail_closed"));
        RedisRateLimitStore.FailMode failMode = switch (mode) {
            case "fail_closed" -> RedisRateLimitStore.FailMode.FAIL_CLOSED;
            case "fail_open" -> RedisRateLimitStore.FailMode.FAIL_OPEN;
            default -> throw new ConfigException("rate_limit_store_config.fail_mode: fail_closed or fail_open, got '"
                    + mode + "'");
        };
        long timeout;
        try {
            timeout = Long.parseLong(String.valueOf(config.getOrDefault("timeout_ms", 500)));
        } catch (NumberFormatException e) {
            throw new ConfigException("rate_limit_store_config.timeout_ms: a number, got " + config.get("timeout_ms"));
        }
        return RedisRateLimitStore.connect(url, (String) config.getOrDefault("key_prefix", "astrocyte:rl:"), failMode,
                Duration.ofMillis(timeout));
    }
}
