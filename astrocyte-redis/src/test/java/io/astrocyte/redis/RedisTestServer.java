package io.astrocyte.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis the project's machines run (127.0.0.1:6379), each test under a key prefix of its own. Set
 * {@code ASTROCYTE_TEST_REDIS_URL} to use another. Where none answers, tests are skipped with the reason and how
 * to start one; under {@code CI=true} they fail instead, because CI machines run the service.
 */
final class RedisTestServer {

    static final String URL = System.getenv().getOrDefault("ASTROCYTE_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private RedisTestServer() {
    }

    static void require() {
        RedisClient client = RedisClient.create(URL);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().ping();
        } catch (RuntimeException e) {
            String why = "Redis is not reachable at " + URL + " (" + e.getMessage() + "); start it with 'service"
                    + " redis-server start' (see the env machine page) or set ASTROCYTE_TEST_REDIS_URL";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            Assumptions.abort(why);
        } finally {
            client.shutdown();
        }
    }

    static String freshPrefix() {
        return "astrocyte-test:" + UUID.randomUUID() + ":";
    }

    static int port() {
        return io.lettuce.core.RedisURI.create(URL).getPort();
    }

    static String host() {
        return io.lettuce.core.RedisURI.create(URL).getHost();
    }
}
