package io.astrocyte.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances configured with {@code governance_store: jdbc} share one daily quota and one owner table. */
class SharedGovernanceTest {

    private String schema;

    @BeforeEach
    void schema() {
        PostgresTestDatabase.require();
        schema = PostgresTestDatabase.freshSchema();
    }

    @AfterEach
    void drop() {
        PostgresTestDatabase.dropSchema(schema);
    }

    private Astrocyte instance() {
        return Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                        "governance_store", "jdbc",
                        "governance_store_config", Map.of("url", PostgresTestDatabase.URL,
                                "username", PostgresTestDatabase.USER, "schema", schema, "pool_size", 4),
                        "homeostasis", Map.of("quotas", Map.of("retain_per_day", 50)))))
                .build();
    }

    @Test
    void aDailyQuotaIsSpentExactlyOnceAcrossInstances() throws Exception {
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        try (Astrocyte one = instance(); Astrocyte two = instance()) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Boolean>> calls = new ArrayList<>();
                for (int i = 0; i < 90; i++) {
                    Astrocyte via = i % 2 == 0 ? one : two;
                    String text = "Alice's note number " + i + " about topic " + (i * 7919 % 101);
                    calls.add(() -> {
                        try {
                            return via.retain(RetainRequest.of("user-alice", text), alice).stored();
                        } catch (RateLimitedException e) {
                            return false;
                        }
                    });
                }
                int stored = 0;
                for (Future<Boolean> f : pool.invokeAll(calls)) {
                    stored += f.get() ? 1 : 0;
                }
                assertThat(stored).as("retain_per_day 50 across both instances").isEqualTo(50);
            } finally {
                pool.shutdown();
            }
            AstrocyteContext bob = AstrocyteContext.of("user:bob");
            one.retain(RetainRequest.of("desk-notes", "Desk 4B is by the window"), alice); // alice claims it here
            assertThat(two.access().check(bob, "desk-notes", io.astrocyte.identity.Permission.READ).allowed())
                    .as("the other instance knows alice owns desk-notes").isFalse();
            assertThat(two.access().check(alice, "desk-notes", io.astrocyte.identity.Permission.READ).allowed())
                    .isTrue();
        }
    }

    @Test
    void bankHealthCountsAddUpAcrossInstances() {
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        try (Astrocyte one = instance(); Astrocyte two = instance()) {
            for (int i = 0; i < 10; i++) {
                one.retain(RetainRequest.of("user-alice", "Entry " + i + " from the first replica"), alice);
            }
            for (int i = 0; i < 15; i++) {
                two.retain(RetainRequest.of("user-alice", "Entry " + i + " from the second replica"), alice);
            }
            assertThat(one.bankHealth("user-alice", alice).metrics().get("retain_count"))
                    .as("this instance's own, before any flush").isGreaterThanOrEqualTo(10.0);
        }
        try (Astrocyte third = instance()) {
            assertThat(third.bankHealth("user-alice", alice).metrics()).as("both replicas' counts, added")
                    .containsEntry("retain_count", 25.0);
        }
    }
}
