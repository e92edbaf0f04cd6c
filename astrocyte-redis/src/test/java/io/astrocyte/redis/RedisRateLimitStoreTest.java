package io.astrocyte.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.RateLimitStore;
import io.astrocyte.testing.CuttableProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real Redis: one limit for every instance, refunds, isolation, and both fail modes. */
class RedisRateLimitStoreTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private String prefix;

    @BeforeEach
    void redis() {
        RedisTestServer.require();
        prefix = RedisTestServer.freshPrefix();
    }

    private RedisRateLimitStore store(RedisRateLimitStore.FailMode mode) {
        return RedisRateLimitStore.connect(RedisTestServer.URL, prefix, mode, Duration.ofSeconds(2));
    }

    @Test
    void twoInstancesShareOneLimitExactly() throws Exception {
        try (RedisRateLimitStore one = store(null); RedisRateLimitStore two = store(null)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<RateLimitStore.Probe>> tries = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    RedisRateLimitStore via = i % 2 == 0 ? one : two;
                    tries.add(() -> via.tryConsume("bank:b1:recall", 60, MINUTE));
                }
                int passed = 0;
                Duration longestWait = Duration.ZERO;
                for (Future<RateLimitStore.Probe> f : pool.invokeAll(tries)) {
                    RateLimitStore.Probe p = f.get();
                    passed += p.consumed() ? 1 : 0;
                    if (!p.consumed() && p.retryAfter().compareTo(longestWait) > 0) {
                        longestWait = p.retryAfter();
                    }
                }
                assertThat(passed).isEqualTo(60);
                assertThat(longestWait).isPositive().isLessThanOrEqualTo(MINUTE);
            } finally {
                pool.shutdown();
            }
            assertThat(one.tryConsume("bank:b1:recall", 60, MINUTE).consumed()).isFalse();
            two.refund("bank:b1:recall", 60, MINUTE);
            assertThat(one.tryConsume("bank:b1:recall", 60, MINUTE).consumed()).as("the refunded token").isTrue();
            assertThat(one.tryConsume("bank:b2:recall", 60, MINUTE).consumed()).as("another bucket").isTrue();
        }
        prefix = RedisTestServer.freshPrefix();
        try (RedisRateLimitStore other = store(null)) {
            assertThat(other.tryConsume("bank:b1:recall", 60, MINUTE).consumed()).as("another key prefix").isTrue();
        }
    }

    @Test
    void aCutConnectionFailsClosedByDefaultAndOpenWhenConfigured() throws Exception {
        try (CuttableProxy proxy = new CuttableProxy(RedisTestServer.host(), RedisTestServer.port());
                RedisRateLimitStore closed = RedisRateLimitStore.connect("redis://127.0.0.1:" + proxy.port(), prefix,
                        RedisRateLimitStore.FailMode.FAIL_CLOSED, Duration.ofMillis(300));
                RedisRateLimitStore open = RedisRateLimitStore.connect("redis://127.0.0.1:" + proxy.port(), prefix,
                        RedisRateLimitStore.FailMode.FAIL_OPEN, Duration.ofMillis(300))) {
            assertThat(closed.tryConsume("global", 2, HOUR).consumed()).isTrue();
            assertThat(open.tryConsume("global", 2, HOUR).consumed()).isTrue();
            assertThat(open.tryConsume("global", 2, HOUR).consumed()).as("the limit, while Redis answers").isFalse();

            proxy.cut();
            assertThatThrownBy(() -> closed.tryConsume("global", 2, HOUR))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("fail_closed")
                    .satisfies(e -> assertThat(((ProviderUnavailableException) e).httpStatus()).isEqualTo(503));
            assertThat(open.tryConsume("global", 2, HOUR).consumed()).as("fail_open lets it through").isTrue();
            assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.find("astrocyte.rate_limit.store_failures")
                    .counters()).isNotEmpty();

            proxy.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            RateLimitStore.Probe back = null;
            while (System.nanoTime() < deadline) {
                try {
                    back = closed.tryConsume("global", 2, HOUR);
                    break;
                } catch (ProviderUnavailableException e) {
                    Thread.sleep(200); // Lettuce reconnects on its own
                }
            }
            assertThat(back).as("works again once Redis is back").isNotNull();
            assertThat(back.consumed()).as("the bucket kept its state in Redis: still empty").isFalse();
        }
    }
}
