package io.astrocyte.policy.homeostasis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.MutableTestClock;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AgentLimits;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token-bucket limits per bank and verb, per agent and for the instance (SPEC §3.1), on a test clock. */
class RateLimitsTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOT = AstrocyteContext.of("agent:bot");

    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-05-01T09:00:00Z"));

    private Astrocyte open(Map<String, ?> rateLimits) {
        return Astrocyte.builder().clock(clock).vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .config(new ConfigLoader(k -> null).fromMap(Map.of("access_control", Map.of("enabled", false),
                        "homeostasis", Map.of("rate_limits", rateLimits),
                        "agents", Map.of("bot", Map.of("banks", List.of("a", "b"), "max_retain_per_minute", 2)))))
                .build();
    }

    @Test
    void aBankAllowsItsBurstThenRefusesWithTheWaitAndRefillsOverTime() {
        try (Astrocyte brain = open(Map.of("retain_per_minute", 3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(brain.retain(RetainRequest.of("a", "note " + i), ALICE).stored()).isTrue();
            }
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("a", "one too many"), ALICE))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.bankId()).isEqualTo("a");
                        assertThat(e.operation()).isEqualTo("retain");
                        assertThat(e.retryAfterSeconds()).isEqualTo(20.0);
                        assertThat(e.httpStatus()).isEqualTo(429);
                    });
            assertThat(brain.retain(RetainRequest.of("b", "other bank"), ALICE).stored()).isTrue();
            assertThat(brain.memoryCount("a", ALICE)).isEqualTo(3);
            clock.advance(20);
            assertThat(brain.retain(RetainRequest.of("a", "after the refill"), ALICE).stored()).isTrue();
            // Recall has no limit configured.
            for (int i = 0; i < 10; i++) {
                brain.recall(RecallRequest.of("a", "note"), ALICE);
            }
        }
    }

    @Test
    void aMultiBankRecallNeedsATokenOnEveryBankAndARefusalCostsNothing() {
        try (Astrocyte brain = open(Map.of("recall_per_minute", 2))) {
            brain.recall(RecallRequest.of("a", "x"), ALICE);
            brain.recall(RecallRequest.of("a", "x"), ALICE);
            RecallRequest both = RecallRequest.builder("x").banks(List.of("b", "a")).build();
            assertThatThrownBy(() -> brain.recall(both, ALICE))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.bankId()).isEqualTo("a"));
            // Bank b's token was given back: two more recalls of b still pass.
            brain.recall(RecallRequest.of("b", "x"), ALICE);
            brain.recall(RecallRequest.of("b", "x"), ALICE);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("b", "x"), ALICE))
                    .isInstanceOf(RateLimitedException.class);
        }
    }

    @Test
    void agentAndGlobalLimitsApplyAcrossBanks() {
        try (Astrocyte brain = open(Map.of("global_per_minute", 5, "reflect_per_minute", 1))) {
            brain.retain(RetainRequest.of("a", "one"), BOT);
            brain.retain(RetainRequest.of("b", "two"), BOT);
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("a", "three"), BOT))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            e -> assertThat(e.operation()).contains("agent agent:bot"));
            brain.reflect(ReflectRequest.of("a", "what?"), ALICE);
            assertThatThrownBy(() -> brain.reflect(ReflectRequest.of("a", "again?"), ALICE))
                    .isInstanceOf(RateLimitedException.class);
            brain.retain(RetainRequest.of("c", "three"), ALICE);
            brain.retain(RetainRequest.of("d", "four"), ALICE);
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("e", "five"), ALICE))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.bankId()).isEqualTo("*");
                        assertThat(e.operation()).contains("global_per_minute");
                    });
        }
    }

    @Test
    void registeredAgentLimitsCanBeSetAndCleared() {
        try (Astrocyte brain = open(Map.of())) {
            AstrocyteContext carded = AstrocyteContext.of("agent:0b5e6c1e-0000-5000-8000-000000000001");
            brain.registerAgentLimits(carded.principal(), new AgentLimits(null, 1));
            brain.recall(RecallRequest.of("a", "x"), carded);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("b", "x"), carded))
                    .isInstanceOf(RateLimitedException.class);
            brain.registerAgentLimits(carded.principal(), AgentLimits.NONE);
            brain.recall(RecallRequest.of("b", "x"), carded);
        }
    }
}
