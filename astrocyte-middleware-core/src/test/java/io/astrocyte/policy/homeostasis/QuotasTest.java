package io.astrocyte.policy.homeostasis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.MutableTestClock;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.file.FileGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily quotas per bank: counted on success, reset at midnight UTC, resumed after a restart. */
class QuotasTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    @TempDir
    Path dir;

    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-05-01T22:00:00Z"));
    private final InMemoryVectorStore store = new InMemoryVectorStore();

    private Astrocyte open() {
        return Astrocyte.builder().clock(clock).vectorStore(store).embedder(new HashingEmbedder(64))
                .governanceStore(new FileGovernanceStore(dir))
                .config(new ConfigLoader(k -> null).fromMap(Map.of("homeostasis",
                        Map.of("quotas", Map.of("retain_per_day", 3, "reflect_per_day", 1))))).build();
    }

    @Test
    void aBankStopsAtItsQuotaUntilMidnightAndTheCountSurvivesARestart() {
        try (Astrocyte brain = open()) {
            brain.retain(RetainRequest.of("diary", "one"), ALICE);
            assertThat(brain.retain(RetainRequest.of("diary", "  "), ALICE).stored()).as("refused content").isFalse();
            brain.retain(RetainRequest.of("diary", "two"), ALICE);
        }
        try (Astrocyte brain = open()) {
            brain.retain(RetainRequest.of("diary", "three"), ALICE);
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "four"), ALICE))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.operation()).contains("quota 3 per day");
                        assertThat(e.retryAfterSeconds()).isEqualTo(7200.0);
                    });
            brain.retain(RetainRequest.of("notes", "another bank has its own quota"), ALICE);
            brain.reflect(ReflectRequest.of("diary", "what?"), ALICE);
            assertThatThrownBy(() -> brain.reflect(ReflectRequest.of("diary", "again?"), ALICE))
                    .isInstanceOf(RateLimitedException.class);
            clock.advance(Duration.ofHours(2));
            brain.retain(RetainRequest.of("diary", "a new day"), ALICE);
            brain.reflect(ReflectRequest.of("diary", "what now?"), ALICE);
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(4);
        }
    }
}
