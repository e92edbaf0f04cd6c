package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** owner_only: the first writer owns a bank and holds every permission; others need grants. */
class OwnerOnlyTest {

    private final InMemoryGovernanceStore governance = new InMemoryGovernanceStore();

    private Astrocyte open(List<Map<String, Object>> grants) {
        return Astrocyte.builder().config(new ConfigLoader(k -> null).fromMap(Map.of(
                        "access_control", Map.of("enabled", true, "default_policy", "owner_only"),
                        "access_grants", grants)))
                .vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .governanceStore(governance).build();
    }

    @Test
    void theFirstWriterOwnsTheBankAndOthersAreRefused() {
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        AstrocyteContext bob = AstrocyteContext.of("user:bob");
        try (Astrocyte brain = open(List.of())) {
            assertThat(brain.retain(RetainRequest.of("diary", "dear diary"), alice).stored()).isTrue();
            assertThat(governance.owner("diary")).contains("user:alice");
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "bob was here"), bob))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("diary", "diary"), bob))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("nobody-wrote-here", "x"), alice))
                    .as("reading does not claim").isInstanceOf(AccessDeniedException.class);
            assertThat(brain.recall(RecallRequest.of("diary", "diary"), alice).hits()).hasSize(1);
            assertThat(brain.forget(ForgetRequest.all("diary"), alice).deletedCount()).isEqualTo(1);
            assertThat(governance.owner("diary")).contains("user:alice");
        }
    }

    @Test
    void aBankWrittenOnSomeonesBehalfBelongsToThemAndTheAgentStillNeedsAGrant() {
        AstrocyteContext carol = AstrocyteContext.of("user:carol");
        AstrocyteContext botForCarol = AstrocyteContext.of("agent:helper").onBehalfOf("user:carol");
        try (Astrocyte brain = open(List.of())) {
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("user-carol", "x"), botForCarol))
                    .isInstanceOf(AccessDeniedException.class);
            // A convention bank belongs to its identity by derivation; no owner is ever recorded for it.
            assertThat(governance.owner("user-carol")).isEmpty();
            assertThat(brain.retain(RetainRequest.of("user-carol", "mine"), carol).stored()).isTrue();
        }
        try (Astrocyte brain = open(List.of(Map.of("bank_id", "user-*", "principal", "agent:helper",
                "permissions", List.of("read", "write"))))) {
            assertThat(brain.retain(RetainRequest.of("user-carol", "via the agent"), botForCarol).stored()).isTrue();
            assertThatThrownBy(() -> brain.forget(ForgetRequest.all("user-carol"), botForCarol))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void withNoConfigurationAtAllOneUserCannotReadAnothersBank() {
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        AstrocyteContext bob = AstrocyteContext.of("user:bob");
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).build()) {
            brain.retain(RetainRequest.of("user-alice", "Alice's locker code is 4711"), alice);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("user-alice", "locker code"), bob))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("user:bob lacks 'read' on bank user-alice")
                    .hasMessageContaining("access_grants: [{bank_id: \"user-alice\", principal: \"user:bob\", "
                            + "permissions: [read]}]");
            assertThat(brain.recall(RecallRequest.of("user-alice", "locker code"), alice).hits()).hasSize(1);
            assertThat(brain.recall(RecallRequest.of("user-bob", "anything"), bob).hits())
                    .as("an identity's own bank is usable before its first write").isEmpty();
        }
    }

    @Test
    void nobodyClaimsAnotherIdentitysConventionBankByWritingFirst() {
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        AstrocyteContext mallory = AstrocyteContext.of("user:mallory");
        try (Astrocyte brain = open(List.of())) {
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("user-alice", "planted"), mallory))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(governance.owner("user-alice")).isEmpty();
            assertThat(brain.retain(RetainRequest.of("user-alice", "Alice's own note"), alice).stored()).isTrue();
            assertThat(brain.access().check(alice, "user-alice", io.astrocyte.identity.Permission.ADMIN).allowed())
                    .isTrue();
        }
    }

    @Test
    void onBehalfOfRefusalsNameBothMissingGrants() {
        AstrocyteContext botForCarol = AstrocyteContext.of("agent:helper").onBehalfOf("user:carol");
        try (Astrocyte brain = open(List.of())) {
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("team-notes", "x"), botForCarol))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("principal: \"agent:helper\"")
                    .hasMessageContaining("principal: \"user:carol\"");
        }
    }
}
