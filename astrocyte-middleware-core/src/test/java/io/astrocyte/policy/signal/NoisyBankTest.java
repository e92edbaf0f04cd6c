package io.astrocyte.policy.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.MutableTestClock;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.MemoryEvent;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.config.SignalQualityConfig;
import io.astrocyte.config.SignalQualityConfig.NoisyAction;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.policy.signal.NoisyBankMonitor.Reason;
import io.astrocyte.policy.signal.NoisyBankMonitor.Transition;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code signal_quality.noisy_bank}: bursts, short content and duplicate floods, and each action. */
class NoisyBankTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<Transition> transitions = new ArrayList<>();

    private NoisyBankMonitor monitor(NoisyAction action) {
        SignalQualityConfig.NoisyBank config = new SignalQualityConfig.NoisyBank(null, null, null, null, action, null,
                null, null);
        return new NoisyBankMonitor(bank -> config, clock, transitions::add, 100);
    }

    private static void record(NoisyBankMonitor m, int times, int length, boolean duplicate) {
        for (int i = 0; i < times; i++) {
            m.record("b", length, duplicate);
        }
    }

    @Test
    void shortContentMakesABankNoisyOnlyOnceThereAreEnoughSamples() {
        NoisyBankMonitor m = monitor(NoisyAction.WARN);
        record(m, 19, 5, false);
        assertThat(m.reasons("b")).as("19 samples are not enough").isEmpty();
        record(m, 1, 5, false);
        assertThat(m.reasons("b")).containsExactly(Reason.SHORT_CONTENT);
        assertThat(transitions).hasSize(1);
        assertThat(transitions.get(0).noisy()).isTrue();
        assertThat(m.admit("b")).as("warn lets retains through").isEmpty();
    }

    @Test
    void mostlyDuplicatesMakeABankNoisy() {
        NoisyBankMonitor m = monitor(NoisyAction.WARN);
        record(m, 4, 80, false);
        record(m, 16, 80, true);
        assertThat(m.reasons("b")).as("16 of 20 is not above 0.8").isEmpty();
        record(m, 1, 80, true);
        assertThat(m.reasons("b")).containsExactly(Reason.HIGH_DEDUP_RATE);
    }

    @Test
    void aBurstFarAboveTheHourlyAverageIsASpike() {
        NoisyBankMonitor m = monitor(NoisyAction.WARN);
        for (int minute = 0; minute < 10; minute++) {
            record(m, 4, 80, false);
            clock.advance(60);
        }
        record(m, 20, 80, false);
        assertThat(m.reasons("b")).as("20 is not above 5 x the baseline of 4 per minute").isEmpty();
        record(m, 1, 80, false);
        assertThat(m.reasons("b")).containsExactly(Reason.RETAIN_SPIKE);
        clock.advance(60);
        assertThat(m.reasons("b")).as("the next minute starts afresh").isEmpty();
        assertThat(transitions).extracting(Transition::noisy).containsExactly(true, false);
    }

    @Test
    void aNewBankNeedsSomeHistoryBeforeABurstCounts() {
        NoisyBankMonitor m = monitor(NoisyAction.WARN);
        record(m, 200, 80, false);
        assertThat(m.reasons("b")).as("no baseline in the first minutes").isEmpty();
    }

    @Test
    void throttleAdmitsTheConfiguredShareAndTellsTheRestWhenToRetry() {
        NoisyBankMonitor m = monitor(NoisyAction.THROTTLE);
        record(m, 20, 5, false);
        clock.advance(15);
        int admitted = 0;
        for (int i = 0; i < 50; i++) {
            try {
                assertThat(m.admit("b")).isEmpty();
                admitted++;
            } catch (RateLimitedException e) {
                assertThat(e.retryAfterSeconds()).isEqualTo(45.0);
                assertThat(e.getMessage()).contains("noisy", "short content", "10 %");
            }
        }
        assertThat(admitted).as("10 % of 50").isEqualTo(5);
    }

    @Test
    void rejectRefusesUntilTheWindowMovesOn() {
        NoisyBankMonitor m = monitor(NoisyAction.REJECT);
        record(m, 20, 5, false);
        assertThat(m.admit("b")).hasValueSatisfying(reason -> assertThat(reason).contains("noisy", "short content"));
        clock.advance(9 * 60);
        assertThat(m.admit("b")).as("still inside the 10-minute window").isPresent();
        clock.advance(60);
        assertThat(m.admit("b")).as("recovered").isEmpty();
        assertThat(transitions).extracting(Transition::noisy).containsExactly(true, false);
    }

    @Test
    void disabledMeansNoBookkeepingAtAll() {
        SignalQualityConfig.NoisyBank off = new SignalQualityConfig.NoisyBank(false, null, null, null,
                NoisyAction.REJECT, null, null, null);
        NoisyBankMonitor m = new NoisyBankMonitor(bank -> off, clock, transitions::add, 100);
        record(m, 100, 1, true);
        assertThat(m.admit("b")).isEmpty();
        assertThat(m.reasons("b")).isEmpty();
        assertThat(transitions).isEmpty();
    }

    @Test
    void throughTheFacadeAThrottledRetainIsRateLimitedAndARejectedOneIsNotStored() throws Exception {
        List<MemoryEvent> events = new CopyOnWriteArrayList<>();
        Map<String, Object> config = Map.of(
                "signal_quality", Map.of("dedup", Map.of("enabled", false),
                        "noisy_bank", Map.of("action", "throttle", "min_samples", 5)),
                "banks", Map.of("strict", Map.of("signal_quality", Map.of("noisy_bank", Map.of("action", "reject")))));
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).clock(clock).listener(events::add)
                .config(new ConfigLoader(k -> null).fromMap(config)).build()) {
            for (int i = 0; i < 5; i++) {
                brain.retain(RetainRequest.of("chat", "ok " + i), ALICE);
                brain.retain(RetainRequest.of("strict", "ok " + i), ALICE);
            }
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("chat", "ok again"), ALICE))
                    .isInstanceOf(RateLimitedException.class).hasMessageContaining("noisy");
            RetainResult refused = brain.retain(RetainRequest.of("strict",
                    "A long and perfectly reasonable memory about the quarterly planning meeting"), ALICE);
            assertThat(refused.stored()).isFalse();
            assertThat(refused.error()).contains("strict", "noisy", "short content");
            assertThat(brain.memoryCount("strict", ALICE)).isEqualTo(5);
        } // close() delivers every pending event
        assertThat(events).filteredOn(e -> e.type().equals("on_noisy_bank")).hasSize(2)
                .allSatisfy(e -> assertThat(e.data()).containsEntry("noisy", true)
                        .containsEntry("reasons", "short_content"));
    }
}
