package io.astrocyte.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.CapabilityNotSupportedException;
import io.astrocyte.LegalHoldActiveException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.LegalHold;
import io.astrocyte.api.MemoryEvent;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.config.AccessGrantConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.store.file.FileGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegalHoldTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext COUNSEL = AstrocyteContext.of("user:counsel");

    @TempDir
    Path dir;

    private final InMemoryVectorStore store = new InMemoryVectorStore();
    private final List<MemoryEvent> events = new CopyOnWriteArrayList<>();

    private Astrocyte open(GovernanceStore governance) {
        AstrocyteConfig config = AstrocyteConfig.defaultConfig().withAccessGrants(List.of(
                new AccessGrantConfig("user-alice", COUNSEL.principal(), List.of("read", "admin"))));
        return Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64)).governanceStore(governance)
                .listener(events::add).config(config).build();
    }

    @Test
    void aHeldBankRefusesEveryForgetButACompliancePurgeUntilReleased() {
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            String id = brain.retain(RetainRequest.builder("user-alice", "Alice signed the lease on May 3")
                    .tags("contract").build(), ALICE).memoryId();
            brain.retain(RetainRequest.of("user-alice", "Alice likes jasmine tea"), ALICE);
            LegalHold hold = brain.setLegalHold("user-alice", "case-2026-17", "tenancy dispute", COUNSEL);
            assertThat(hold.setBy()).isEqualTo("user:counsel");

            for (ForgetRequest forget : List.of(ForgetRequest.byIds("user-alice", List.of(id)),
                    ForgetRequest.byTags("user-alice", List.of("contract")))) {
                assertThatThrownBy(() -> brain.forget(forget, ALICE)).isInstanceOfSatisfying(
                        LegalHoldActiveException.class, e -> {
                            assertThat(e.holdId()).isEqualTo("case-2026-17");
                            assertThat(e.httpStatus()).isEqualTo(409);
                        });
            }
            assertThat(brain.memoryCount("user-alice", ALICE)).as("nothing was forgotten").isEqualTo(2);

            assertThat(brain.forget(ForgetRequest.byIds("user-alice", List.of(id)).asCompliance("erasure request"),
                    ALICE).deletedCount()).as("compliance still purges").isEqualTo(1);

            assertThat(brain.releaseLegalHold("user-alice", "case-2026-17", COUNSEL)).isTrue();
            assertThat(brain.releaseLegalHold("user-alice", "case-2026-17", COUNSEL)).isFalse();
            assertThat(brain.forget(ForgetRequest.byTags("user-alice", List.of("nothing-tagged")), ALICE)
                    .deletedCount()).isZero();
        }
        assertThat(events).filteredOn(e -> e.type().equals("on_legal_hold")).extracting(e -> e.data().get("action"))
                .containsExactly("set", "released");
    }

    @Test
    void holdsNeedAdminAndSurviveARestart() {
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            brain.retain(RetainRequest.of("user-alice", "Alice's invoice 42 is unpaid"), ALICE);
            assertThatThrownBy(() -> brain.setLegalHold("user-alice", "case-1", "audit", AstrocyteContext.of(
                    "user:mallory"))).isInstanceOf(AccessDeniedException.class);
            brain.setLegalHold("user-alice", "case-1", "audit", COUNSEL);
            assertThat(brain.setLegalHold("user-alice", "case-1", "a second reason", COUNSEL).reason())
                    .as("setting an id again returns the hold already set").isEqualTo("audit");
        }
        try (FileGovernanceStore governance = new FileGovernanceStore(dir); Astrocyte brain = open(governance)) {
            assertThat(brain.legalHolds("user-alice", COUNSEL)).extracting(LegalHold::holdId).containsExactly("case-1");
            assertThatThrownBy(() -> brain.forget(ForgetRequest.all("user-alice"), ALICE))
                    .isInstanceOf(LegalHoldActiveException.class).hasMessageContaining("case-1");
        }
    }

    @Test
    void withoutAGovernanceStoreHoldsAreRefusedClearly() {
        AstrocyteConfig open = AstrocyteConfig.defaultConfig().withAccessControl(AccessControlConfig.disabled());
        try (Astrocyte brain = Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64)).config(open)
                .build()) {
            assertThatThrownBy(() -> brain.setLegalHold("diary", "case-1", "x", COUNSEL))
                    .isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("governance store");
            assertThat(brain.legalHolds("diary", COUNSEL)).isEmpty();
        }
    }
}
