package io.astrocyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.MultiBankStrategy;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AstrocyteMultiBankTest {

    private static final AstrocyteContext BOT = AstrocyteContext.of("agent:support-bot");
    private Astrocyte brain;

    @BeforeEach
    void seed() {
        // The bot serves every bank here; multi-bank behaviour, not access control, is under test.
        brain = TestBrains.inMemory(new io.astrocyte.config.ConfigLoader(k -> null).fromMap(java.util.Map.of(
                "access_grants", java.util.List.of(java.util.Map.of("bank_id", "*", "principal", "agent:support-bot",
                        "permissions", java.util.List.of("read", "write", "forget", "admin"))))));
        brain.retain(RetainRequest.of("team", "Refunds are processed within five days."), BOT);
        brain.retain(RetainRequest.of("team", "The shared fact about refunds."), BOT);
        brain.retain(RetainRequest.of("user-bob", "Bob asked about a refund for order 42."), BOT);
        brain.retain(RetainRequest.of("user-bob", "The shared fact about refunds."), BOT);
    }

    @AfterEach
    void close() {
        brain.close();
    }

    private RecallResult recall(MultiBankStrategy strategy) {
        return brain.recall(RecallRequest.builder("refund").banks(List.of("team", "user-bob")).strategy(strategy)
                .build(), BOT);
    }

    @Test
    void parallelMergesBanksTagsHitsAndDropsDuplicateTexts() {
        RecallResult r = recall(MultiBankStrategy.parallel());
        assertThat(r.hits()).extracting(MemoryHit::bankId).contains("team", "user-bob");
        assertThat(r.hits()).extracting(MemoryHit::text).doesNotHaveDuplicates().hasSize(3);
        for (int i = 1; i < r.hits().size(); i++) {
            assertThat(r.hits().get(i).score()).isLessThanOrEqualTo(r.hits().get(i - 1).score());
        }
    }

    @Test
    void bankWeightsScaleScores() {
        RecallResult r = recall(new MultiBankStrategy(MultiBankStrategy.Mode.PARALLEL, 3, null,
                Map.of("team", 0.0), true));
        assertThat(r.hits().get(0).bankId()).isEqualTo("user-bob");
        assertThat(r.hits().stream().filter(h -> h.bankId().equals("team"))).allMatch(h -> h.score() == 0.0);
    }

    @Test
    void cascadeStopsOnceEnoughHitsAreFound() {
        RecallResult r = recall(MultiBankStrategy.cascade(2, List.of("user-bob")));
        assertThat(r.hits()).extracting(MemoryHit::bankId).containsOnly("user-bob");
        RecallResult more = recall(MultiBankStrategy.cascade(3, List.of("user-bob")));
        assertThat(more.hits()).extracting(MemoryHit::bankId).contains("user-bob", "team");
    }

    @Test
    void firstMatchUsesTheFirstBankWithHits() {
        brain.retain(RetainRequest.of("empty-ish", "nothing relevant here at all"), BOT);
        RecallResult r = brain.recall(RecallRequest.builder("refund").banks(List.of("nobody", "team", "user-bob"))
                .strategy(MultiBankStrategy.firstMatch()).build(), BOT);
        assertThat(r.hits()).extracting(MemoryHit::bankId).containsOnly("team");
    }

    @Test
    void aFailingBankIsSkippedInMultiBankRecall() {
        try (Astrocyte b = Astrocyte.builder().config(AstrocyteConfig.defaultConfig()
                        .withAccessControl(io.astrocyte.config.AccessControlConfig.disabled()))
                .vectorStore(new FailingForBankStore("broken")).embedder(new HashingEmbedder(256)).build()) {
            b.retain(RetainRequest.of("fine", "a refund note"), BOT);
            RecallResult r = b.recall(RecallRequest.builder("refund").banks(List.of("broken", "fine")).build(), BOT);
            assertThat(r.hits()).extracting(MemoryHit::bankId).containsOnly("fine");
            // Alone, the failing bank degrades (default empty_recall) instead of failing the call ...
            RecallResult alone = b.recall(RecallRequest.of("broken", "refund"), BOT);
            assertThat(alone.hits()).isEmpty();
            assertThat(alone.trace().fusionMethod()).isEqualTo("degraded");
        }
        // ... and with degraded_mode: error it surfaces as ProviderUnavailable.
        try (Astrocyte b = Astrocyte.builder().config(new io.astrocyte.config.ConfigLoader(k -> null).fromMap(
                java.util.Map.of("access_control", java.util.Map.of("enabled", false),
                        "escalation", java.util.Map.of("degraded_mode", "error"))))
                .vectorStore(new FailingForBankStore("broken")).embedder(new HashingEmbedder(256)).build()) {
            assertThatThrownBy(() -> b.recall(RecallRequest.of("broken", "refund"), BOT))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
    }

    @Test
    void reflectCanSpanBanks() {
        var r = brain.reflect(ReflectRequest.builder("refund order 42").banks(List.of("team", "user-bob")).build(), BOT);
        assertThat(r.sources()).isNotEmpty();
        assertThat(r.answer()).contains("[memory:");
    }

    /** Test double: an in-memory store whose searches fail for one bank. */
    static final class FailingForBankStore extends io.astrocyte.store.memory.ForwardingVectorStore {
        private final String broken;

        FailingForBankStore(String broken) {
            super(new InMemoryVectorStore());
            this.broken = broken;
        }

        @Override
        public List<VectorHit> searchSimilar(float[] vector, String bankId, int limit, VectorFilters filters) {
            if (bankId.equals(broken)) {
                throw new IllegalStateException("disk on fire");
            }
            return super.searchSimilar(vector, bankId, limit, filters);
        }
    }
}
