package io.astrocyte.redis;

import io.astrocyte.ConfigException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.RateLimitStore;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate-limit buckets in Redis through Bucket4j's Lettuce integration (compare-and-swap on each bucket), so a
 * per-bank, per-agent or global limit is one limit for every replica. Buckets expire from Redis once they would
 * have refilled completely.
 *
 * <p>When Redis cannot be reached the {@link FailMode} decides: {@code FAIL_CLOSED} (the default) refuses the call
 * with {@link ProviderUnavailableException} (HTTP 503); {@code FAIL_OPEN} lets it through, logs a warning and counts
 * {@code astrocyte.rate_limit.store_failures}.
 */
public final class RedisRateLimitStore implements RateLimitStore {

    /** What a call meets when Redis is unreachable. */
    public enum FailMode { FAIL_CLOSED, FAIL_OPEN }

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimitStore.class);

    private final RedisClient ownedClient;
    private final boolean ownsConnection;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final ProxyManager<byte[]> buckets;
    private final String prefix;
    private final FailMode failMode;

    /**
     * @param url       e.g. {@code redis://127.0.0.1:6379/0}
     * @param keyPrefix prepended to every bucket key, so several applications (or tests) share one Redis
     * @param timeout   per command; a slower Redis counts as unreachable
     */
    public static RedisRateLimitStore connect(String url, String keyPrefix, FailMode failMode, Duration timeout) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new ConfigException("rate_limit_store_config.url: not a Redis URL: " + url, e);
        }
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(uri);
        try {
            return new RedisRateLimitStore(client, true, client.connect(ByteArrayCodec.INSTANCE), keyPrefix, failMode,
                    timeout);
        } catch (RuntimeException e) {
            client.shutdown();
            if (failMode == FailMode.FAIL_OPEN) {
                throw new ProviderUnavailableException("redis rate limits: cannot connect to " + url
                        + " at start (fail_open applies to a Redis lost later, not to one never reached): " + e, e);
            }
            throw new ProviderUnavailableException("redis rate limits: cannot connect to " + url + ": " + e, e);
        }
    }

    /** On a connection the caller owns (e.g. a Spring app's); closing this store leaves it open. */
    public static RedisRateLimitStore on(StatefulRedisConnection<byte[], byte[]> connection, String keyPrefix,
            FailMode failMode, Duration timeout) {
        return new RedisRateLimitStore(null, false, connection, keyPrefix, failMode, timeout);
    }

    /** A connection of its own from a client the caller owns (e.g. a Spring app's); closing closes the connection. */
    public static RedisRateLimitStore from(RedisClient client, String keyPrefix, FailMode failMode, Duration timeout) {
        return new RedisRateLimitStore(null, true, client.connect(ByteArrayCodec.INSTANCE), keyPrefix, failMode,
                timeout);
    }

    private RedisRateLimitStore(RedisClient ownedClient, boolean ownsConnection,
            StatefulRedisConnection<byte[], byte[]> connection, String keyPrefix, FailMode failMode, Duration timeout) {
        this.ownedClient = ownedClient;
        this.ownsConnection = ownsConnection;
        this.connection = connection;
        this.prefix = keyPrefix == null ? "astrocyte:rl:" : keyPrefix;
        this.failMode = failMode == null ? FailMode.FAIL_CLOSED : failMode;
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .requestTimeout(timeout).build();
    }

    @Override
    public Probe tryConsume(String key, long capacity, Duration period) {
        try {
            ConsumptionProbe p = bucket(key, capacity, period).tryConsumeAndReturnRemaining(1);
            return new Probe(p.isConsumed(), Duration.ofNanos(p.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            return unreachable(e);
        }
    }

    @Override
    public void refund(String key, long capacity, Duration period) {
        try {
            bucket(key, capacity, period).addTokens(1);
        } catch (RuntimeException e) {
            LOG.warn("redis rate limits: could not give back a token of {}: {}", key, e.toString());
        }
    }

    private Probe unreachable(RuntimeException e) {
        Metrics.counter("astrocyte.rate_limit.store_failures", "mode", failMode.name().toLowerCase()).increment();
        if (failMode == FailMode.FAIL_OPEN) {
            LOG.warn("redis rate limits unreachable, letting the call through (fail_open): {}", e.toString());
            return new Probe(true, Duration.ZERO);
        }
        throw new ProviderUnavailableException("redis rate limits unreachable (fail_closed): " + e.getMessage(), e);
    }

    private io.github.bucket4j.Bucket bucket(String key, long capacity, Duration period) {
        byte[] k = (prefix + key + "|" + capacity + "/" + period.toMillis()).getBytes(StandardCharsets.UTF_8);
        return buckets.builder().build(k, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
    }

    @Override
    public void close() {
        if (ownsConnection) {
            connection.close();
        }
        if (ownedClient != null) {
            ownedClient.shutdown();
        }
    }
}
