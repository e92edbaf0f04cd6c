package io.astrocyte.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.BankHealth;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.file.FileGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankHealthTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");

    @TempDir
    Path dir;

    private final InMemoryVectorStore store = new InMemoryVectorStore();

    private Astrocyte open(FileGovernanceStore governance) {
        return Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64)).governanceStore(governance)
                .config(AstrocyteConfig.defaultConfig()).build();
    }

    private static List<String> codes(BankHealth h) {
        return h.issues().stream().map(BankHealth.Issue::code).toList();
    }

    @Test
    void aWellUsedBankIsHealthyAndAnEmptyOneIsNeutral() {
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            assertThat(brain.bankHealth("user-alice", ALICE).score()).as("no operations yet").isEqualTo(0.5);
            String[] facts = {"Alice keeps bees on the roof of her building in Lisbon",
                "Alice's daughter Marta starts school in September this year",
                "Alice is allergic to penicillin and carries a card saying so",
                "Alice prefers trains to planes for trips under six hours"};
            for (String f : facts) {
                brain.retain(RetainRequest.of("user-alice", f), ALICE);
            }
            for (String q : List.of("bees roof", "Marta school", "penicillin allergy", "trains planes", "bees")) {
                brain.recall(RecallRequest.of("user-alice", q), ALICE);
            }
            brain.reflect(ReflectRequest.of("user-alice", "Where does Alice keep bees?"), ALICE);
            BankHealth h = brain.bankHealth("user-alice", ALICE);
            assertThat(h.metrics()).containsEntry("retain_count", 4.0).containsEntry("recall_count", 5.0)
                    .containsEntry("recall_hit_rate", 1.0).containsEntry("reflect_success_rate", 1.0);
            assertThat(h.status()).isEqualTo(BankHealth.Status.HEALTHY);
            assertThat(h.issues()).isEmpty();
        }
    }

    @Test
    void recallsThatFindNothingDuplicatesAndFragmentsAreNamed() {
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            for (int i = 0; i < 5; i++) {
                brain.recall(RecallRequest.of("user-bob", "anything " + i), BOB);
            }
            for (int i = 0; i < 12; i++) {
                brain.retain(RetainRequest.of("user-bob", "ok " + (i % 2)), BOB);
            }
            BankHealth h = brain.bankHealth("user-bob", BOB);
            assertThat(codes(h)).contains("HIGH_DEDUP_RATE", "SHORT_CONTENT", "LOW_RECALL_HIT_RATE");
            assertThat(h.issues()).filteredOn(i -> i.code().equals("LOW_RECALL_HIT_RATE"))
                    .extracting(BankHealth.Issue::severity).containsExactly(BankHealth.Severity.CRITICAL);
            assertThat(h.status()).isNotEqualTo(BankHealth.Status.HEALTHY);
        }
    }

    @Test
    void countersSurviveARestartAndHealthIsOnlyForReaders() {
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            brain.retain(RetainRequest.of("user-alice", "Alice's bike is the red one by the door"), ALICE);
            brain.recall(RecallRequest.of("user-alice", "bike"), ALICE);
        }
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            assertThat(brain.bankHealth("user-alice", ALICE).metrics()).containsEntry("retain_count", 1.0)
                    .containsEntry("recall_count", 1.0);
            assertThatThrownBy(() -> brain.bankHealth("user-alice", BOB)).isInstanceOf(AccessDeniedException.class);
            assertThat(brain.allBankHealth(BOB)).extracting(BankHealth::bankId).doesNotContain("user-alice");
            assertThat(brain.allBankHealth(ALICE)).extracting(BankHealth::bankId).contains("user-alice");
        }
    }

    @Test
    void dailyQualityPointsFollowTheDaysAndOldOnesAreDropped() {
        io.astrocyte.MutableTestClock clock = new io.astrocyte.MutableTestClock(
                java.time.Instant.parse("2026-04-01T10:00:00Z"));
        AstrocyteConfig config = io.astrocyte.config.ConfigLoader.withSystemEnvironment()
                .fromMap(java.util.Map.of("analytics", java.util.Map.of("quality_history_days", 2)));
        try (FileGovernanceStore governance = new FileGovernanceStore(dir);
                Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64))
                        .governanceStore(governance).clock(clock).config(config).build()) {
            brain.retain(RetainRequest.of("user-alice", "Alice keeps her passport in the desk drawer"), ALICE);
            brain.retain(RetainRequest.of("user-alice", "Alice keeps her passport in the desk drawer"), ALICE);
            clock.advance(java.time.Duration.ofDays(1));
            brain.recall(RecallRequest.of("user-alice", "passport drawer"), ALICE);
            brain.recall(RecallRequest.of("user-alice", "zzzz qqqq"), ALICE);

            List<io.astrocyte.api.QualityDataPoint> days = brain.bankHealth("user-alice", ALICE).quality();
            assertThat(days).extracting(io.astrocyte.api.QualityDataPoint::date).containsExactly(
                    java.time.LocalDate.parse("2026-04-01"), java.time.LocalDate.parse("2026-04-02"));
            assertThat(days.get(0).retainCount()).isEqualTo(2);
            assertThat(days.get(0).dedupRate()).isEqualTo(0.5);
            assertThat(days.get(0).recallCount()).isZero();
            assertThat(days.get(1).recallCount()).isEqualTo(2);
            assertThat(days.get(1).recallHitRate()).isBetween(0.5, 1.0);

            clock.advance(java.time.Duration.ofDays(2));
            brain.retain(RetainRequest.of("user-alice", "Alice renewed her passport in April"), ALICE);
        }
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            BankHealth h = brain.bankHealth("user-alice", ALICE);
            assertThat(h.quality()).extracting(io.astrocyte.api.QualityDataPoint::date).as("two days of history kept")
                    .containsExactly(java.time.LocalDate.parse("2026-04-04"));
            assertThat(h.metrics()).as("totals are kept whole").containsEntry("retain_count", 3.0);
        }
    }

    @Test
    void gaugesCountBanksByStatusWithoutOneSeriesPerBank() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (FileGovernanceStore governance = new FileGovernanceStore(dir);
                Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64))
                        .governanceStore(governance).meterRegistry(meters).config(AstrocyteConfig.defaultConfig())
                        .build()) {
            for (int i = 0; i < 6; i++) {
                brain.recall(RecallRequest.of("user-alice", "nothing stored here " + i), ALICE);
            }
            assertThat(meters.get("astrocyte.banks").tag("status", "unhealthy").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("astrocyte.banks").tag("status", "healthy").gauge().value()).isZero();
            assertThat(meters.get("astrocyte.banks.health.min").gauge().value()).isLessThan(0.4);
            assertThat(meters.getMeters()).noneMatch(m -> m.getId().getTag("bank_id") != null);
        }
    }
}
