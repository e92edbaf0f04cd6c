package io.astrocyte.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two instances configured with {@code rate_limit_store: redis} enforce one per-minute limit between them. */
class SharedRateLimitTest {

    @Test
    void aPerMinuteLimitHoldsAcrossInstances() throws Exception {
        RedisTestServer.require();
        String prefix = RedisTestServer.freshPrefix();
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        try (Astrocyte one = instance(prefix); Astrocyte two = instance(prefix)) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    Astrocyte via = i % 2 == 0 ? one : two;
                    calls.add(() -> {
                        try {
                            via.recall(RecallRequest.of("user-alice", "anything"), alice);
                            return true;
                        } catch (RateLimitedException e) {
                            return false;
                        }
                    });
                }
                int passed = 0;
                for (Future<Boolean> f : pool.invokeAll(calls)) {
                    passed += f.get() ? 1 : 0;
                }
                assertThat(passed).as("recall_per_minute 60 across both instances").isEqualTo(60);
            } finally {
                pool.shutdown();
            }
        }
    }

    private static Astrocyte instance(String prefix) {
        return Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore())
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                        "rate_limit_store", "redis",
                        "rate_limit_store_config", Map.of("url", RedisTestServer.URL, "key_prefix", prefix),
                        "homeostasis", Map.of("rate_limits", Map.of("recall_per_minute", 60)))))
                .build();
    }
}
