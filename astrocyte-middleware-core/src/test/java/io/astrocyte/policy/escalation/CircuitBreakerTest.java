package io.astrocyte.policy.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.MutableTestClock;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.api.CircuitState;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.store.memory.ForwardingVectorStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The store's circuit breaker and the three degraded modes (SPEC §3.4), with a store test double that fails on demand. */
class CircuitBreakerTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-05-01T09:00:00Z"));
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger storeCalls = new AtomicInteger();

    /** Test double: an in-memory store whose searches and writes fail while {@code down} is set. */
    private final ForwardingVectorStore flaky = new ForwardingVectorStore(new InMemoryVectorStore()) {
        private void maybeFail() {
            storeCalls.incrementAndGet();
            if (down.get()) {
                throw new IllegalStateException("store unreachable");
            }
        }

        @Override
        public List<String> storeVectors(List<VectorItem> items) {
            maybeFail();
            return super.storeVectors(items);
        }

        @Override
        public List<VectorHit> searchSimilar(float[] vector, String bankId, int limit, VectorFilters filters) {
            maybeFail();
            return super.searchSimilar(vector, bankId, limit, filters);
        }
    };

    private final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Astrocyte open(String mode) {
        return Astrocyte.builder().clock(clock).vectorStore(flaky).embedder(new HashingEmbedder(64))
                .listener(e -> {
                    if (e.type().startsWith("on_circuit_breaker")) {
                        events.add(e.type());
                    }
                })
                .config(new ConfigLoader(k -> null).fromMap(Map.of("access_control", Map.of("enabled", false), "escalation", Map.of("degraded_mode", mode,
                        "circuit_breaker", Map.of("failure_threshold", 3, "recovery_timeout_seconds", 30,
                                "half_open_max_calls", 2),
                        "cache", Map.of("max_entries", 10, "ttl_seconds", 60))))).build();
    }

    @Test
    void opensAfterConsecutiveFailuresFailsFastHalfOpensAndClosesOnRecovery() {
        try (Astrocyte brain = open("empty_recall")) {
            brain.retain(RetainRequest.of("notes", "The boiler was serviced in March"), ALICE);
            down.set(true);
            for (int i = 0; i < 3; i++) {
                assertThat(brain.recall(RecallRequest.of("notes", "boiler"), ALICE).hits()).isEmpty();
            }
            assertThat(brain.circuitState()).isEqualTo(CircuitState.OPEN);
            int before = storeCalls.get();
            RecallResult fast = brain.recall(RecallRequest.of("notes", "boiler"), ALICE);
            assertThat(fast.hits()).isEmpty();
            assertThat(fast.trace().fusionMethod()).isEqualTo("degraded");
            assertThat(storeCalls.get()).as("an open breaker keeps calls off the store").isEqualTo(before);

            down.set(false);
            clock.advance(Duration.ofSeconds(31));
            assertThat(brain.recall(RecallRequest.of("notes", "boiler"), ALICE).hits()).hasSize(1);
            assertThat(brain.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
            brain.recall(RecallRequest.of("notes", "boiler"), ALICE);
            assertThat(brain.circuitState()).isEqualTo(CircuitState.CLOSED);
        }
        // close() drains the hook queue, so both transitions have been delivered by now.
        assertThat(events).containsExactly("on_circuit_breaker_open", "on_circuit_breaker_close");
    }

    @Test
    void aFailureWhileHalfOpenOpensItAgain() {
        try (Astrocyte brain = open("empty_recall")) {
            down.set(true);
            for (int i = 0; i < 3; i++) {
                brain.recall(RecallRequest.of("notes", "x"), ALICE);
            }
            clock.advance(Duration.ofSeconds(31));
            brain.recall(RecallRequest.of("notes", "x"), ALICE);
            assertThat(brain.circuitState()).isEqualTo(CircuitState.OPEN);
        }
    }

    @Test
    void emptyRecallModeAnswersRetainAndReflectGracefully() {
        try (Astrocyte brain = open("empty_recall")) {
            down.set(true);
            RetainResult r = brain.retain(RetainRequest.of("notes", "lost?"), ALICE);
            assertThat(r.stored()).isFalse();
            assertThat(r.error()).startsWith("memory unavailable");
            ReflectResult a = brain.reflect(ReflectRequest.of("notes", "anything?"), ALICE);
            assertThat(a.answer()).isEqualTo(ReflectResult.UNAVAILABLE_ANSWER);
        }
    }

    @Test
    void errorModeThrowsAndCallerMistakesNeverOpenTheBreaker() {
        try (Astrocyte brain = open("error")) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> brain.recall(RecallRequest.builder("x").build(), ALICE))
                        .isInstanceOf(io.astrocyte.InvalidRequestException.class);
            }
            assertThat(brain.circuitState()).isEqualTo(CircuitState.CLOSED);
            down.set(true);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("notes", "x"), ALICE))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("store unreachable");
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("notes", "x"), ALICE))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("notes", "x"), ALICE))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("notes", "x"), ALICE))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("circuit breaker open");
        }
    }

    @Test
    void cacheModeServesTheLastGoodResultWithinItsTtl() {
        try (Astrocyte brain = open("cache")) {
            brain.retain(RetainRequest.of("notes", "The boiler was serviced in March"), ALICE);
            RecallRequest q = RecallRequest.of("notes", "boiler service");
            List<MemoryHit> good = brain.recall(q, ALICE).hits();
            ReflectResult goodAnswer = brain.reflect(ReflectRequest.of("notes", "When was the boiler serviced?"), ALICE);
            down.set(true);
            RecallResult cached = brain.recall(q, ALICE);
            assertThat(cached.hits()).isEqualTo(good);
            assertThat(cached.trace().cacheHit()).isTrue();
            assertThat(brain.reflect(ReflectRequest.of("notes", "When was the boiler serviced?"), ALICE))
                    .isEqualTo(goodAnswer);
            assertThat(brain.recall(RecallRequest.of("notes", "something else"), ALICE).hits()).isEmpty();
            clock.advance(Duration.ofSeconds(61));
            assertThat(brain.recall(q, ALICE).hits()).isEmpty();
        }
    }
}
