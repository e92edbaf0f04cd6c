package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grants read from the store are reused briefly; changes through this instance apply at once. */
class GrantCacheTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");

    private static Astrocyte instance(InMemoryGovernanceStore shared, int cacheMillis) {
        return Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .governanceStore(shared).config(ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                        "access_control", Map.of("grant_cache_millis", cacheMillis))))
                .build();
    }

    @Test
    void aGrantMadeElsewhereAppliesWithinTheCacheTimeAndOneMadeHereAtOnce() throws Exception {
        InMemoryGovernanceStore shared = new InMemoryGovernanceStore(); // one store, as replicas share a database
        try (Astrocyte here = instance(shared, 300); Astrocyte there = instance(shared, 300)) {
            here.retain(RetainRequest.of("team-plans", "Ship the beta in March"), ALICE); // alice owns team-plans
            assertThat(here.access().check(BOB, "team-plans", Permission.READ).allowed()).isFalse(); // grants cached

            there.access().grant(AccessGrant.of("team-plans", "user:bob", Permission.READ), ALICE);
            assertThat(there.access().check(BOB, "team-plans", Permission.READ).allowed()).as("made here: at once")
                    .isTrue();
            Thread.sleep(400);
            assertThat(here.access().check(BOB, "team-plans", Permission.READ).allowed())
                    .as("made on another replica: within the cache time").isTrue();

            here.access().revoke(AccessGrant.of("team-plans", "user:bob", Permission.READ), ALICE);
            assertThat(here.access().check(BOB, "team-plans", Permission.READ).allowed()).as("revoked here: at once")
                    .isFalse();
        }
    }
}
