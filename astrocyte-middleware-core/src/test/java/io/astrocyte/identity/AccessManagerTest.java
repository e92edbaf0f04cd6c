package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.CapabilityNotSupportedException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AccessManager.Source;
import io.astrocyte.store.file.FileGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grant / revoke / list / check API: admin-only changes, durable grants, side-effect-free checks. */
class AccessManagerTest {

    private static final AstrocyteContext ADMIN = AstrocyteContext.of("service:ops");
    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");

    @TempDir
    Path dir;

    private final InMemoryVectorStore store = new InMemoryVectorStore();

    private static AstrocyteConfig config(String policy) {
        return new ConfigLoader(k -> null).fromMap(Map.of(
                "access_control", Map.of("enabled", true, "default_policy", policy),
                "access_grants", List.of(
                        Map.of("bank_id", "*", "principal", "service:ops", "permissions", List.of("admin")),
                        Map.of("bank_id", "user-alice", "principal", "user:alice",
                                "permissions", List.of("read", "write", "forget", "admin")))));
    }

    private Astrocyte open(String policy) {
        return Astrocyte.builder().config(config(policy)).vectorStore(store).embedder(new HashingEmbedder(64))
                .governanceStore(new FileGovernanceStore(dir.resolve("governance"))).build();
    }

    @Test
    void aGrantTakesEffectAtOnceAndSurvivesARestart() {
        try (Astrocyte brain = open("deny")) {
            brain.retain(RetainRequest.of("user-alice", "Alice keeps her bike in shed 3"), ALICE);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("user-alice", "bike"), BOB))
                    .isInstanceOf(AccessDeniedException.class);
            AccessGrant stored = brain.access().grant(AccessGrant.of("user-alice", "user:bob", Permission.READ), ALICE);
            assertThat(stored.permissions()).containsExactly(Permission.READ);
            assertThat(brain.recall(RecallRequest.of("user-alice", "bike"), BOB).hits()).hasSize(1);
        }
        try (Astrocyte reopened = open("deny")) {
            assertThat(reopened.recall(RecallRequest.of("user-alice", "bike"), BOB).hits()).hasSize(1);
            assertThat(reopened.access().revoke(AccessGrant.of("user-alice", "user:bob", Permission.READ), ALICE))
                    .isEmpty();
            assertThatThrownBy(() -> reopened.recall(RecallRequest.of("user-alice", "bike"), BOB))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void changingGrantsNeedsAdminAndPatternsNeedAdminEverywhere() {
        try (Astrocyte brain = open("deny")) {
            AccessManager access = brain.access();
            // Bob cannot give himself Alice's bank, nor can an agent acting for Alice exceed Alice.
            assertThatThrownBy(() -> access.grant(AccessGrant.of("user-alice", "user:bob", Permission.READ), BOB))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.permission()).isEqualTo(Permission.ADMIN));
            assertThatThrownBy(() -> access.grant(AccessGrant.of("user-alice", "user:bob", Permission.READ),
                    AstrocyteContext.of("agent:helper").onBehalfOf("user:alice")))
                    .isInstanceOf(AccessDeniedException.class);
            // Alice is admin of her bank only: a pattern covering it is beyond her.
            assertThatThrownBy(() -> access.grant(AccessGrant.of("user-*", "user:bob", Permission.READ), ALICE))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.bankId()).isEqualTo("*"));
            assertThat(access.grant(AccessGrant.of("user-*", "agent:indexer", Permission.READ), ADMIN).bank().pattern())
                    .isEqualTo("user-*");
            assertThatThrownBy(() -> access.grant(AccessGrant.of("user-alice", "user:bob"), ALICE))
                    .isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> access.grant(AccessGrant.of("bad bank", "user:bob", Permission.READ), ADMIN))
                    .isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> access.grant(AccessGrant.of("user-alice", "user:bob", Permission.READ), null))
                    .isInstanceOf(AuthorizationException.class);
        }
    }

    @Test
    void listingShowsEveryGrantThatAppliesWithItsSource() {
        try (Astrocyte brain = open("deny")) {
            brain.access().grant(AccessGrant.of("user-alice", "team:family", Permission.READ), ALICE);
            brain.access().grant(AccessGrant.of("user-alice", "team:family", Permission.WRITE), ALICE);
            brain.access().addRuntimeGrants(List.of(AccessGrant.of("user-*", "agent:card-1", Permission.READ)));
            List<AccessManager.GrantEntry> grants = brain.access().grants("user-alice", ALICE);
            assertThat(grants).extracting(AccessManager.GrantEntry::source)
                    .containsExactly(Source.CONFIG, Source.CONFIG, Source.STORED, Source.RUNTIME);
            assertThat(grants.get(2).grant().permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.WRITE);
            assertThatThrownBy(() -> brain.access().grants("user-alice", BOB)).isInstanceOf(AccessDeniedException.class);
            // Revoking what only the configuration grants changes nothing and says so.
            assertThat(brain.access().revoke(AccessGrant.of("user-alice", "user:alice", Permission.READ), ALICE)).isEmpty();
            assertThat(brain.access().check(ALICE, "user-alice", Permission.READ).allowed()).isTrue();
        }
    }

    @Test
    void checkExplainsTheDecisionWithoutClaimingOwnership() {
        try (Astrocyte brain = open("owner_only")) {
            AccessDecision write = brain.access().check(BOB, "notes-bob", Permission.WRITE);
            assertThat(write.allowed()).isFalse();
            assertThat(write.reason()).contains("owner_only");
            // The check did not make Bob the owner; his first real write does.
            brain.retain(RetainRequest.of("notes-bob", "Bob's first note"), BOB);
            AccessDecision after = brain.access().check(BOB, "notes-bob", Permission.ADMIN);
            assertThat(after.allowed()).isTrue();
            assertThat(after.effective()).contains(Permission.ADMIN, Permission.READ);
            assertThat(brain.access().check(ALICE, "notes-bob", Permission.READ))
                    .satisfies(d -> {
                        assertThat(d.allowed()).isFalse();
                        assertThat(d.principal()).isEqualTo("user:alice");
                        assertThat(d.effective()).isEmpty();
                    });
            AccessDecision anonymous = brain.access().check(null, "notes-bob", Permission.READ);
            assertThat(anonymous.allowed()).isFalse();
            assertThat(anonymous.reason()).isEqualTo("no identity");
        }
    }

    @Test
    void withoutAGovernanceStoreStoredGrantsAreUnsupported() {
        try (Astrocyte brain = Astrocyte.builder().config(AstrocyteConfig.defaultConfig()
                .withAccessControl(io.astrocyte.config.AccessControlConfig.disabled())).vectorStore(store)
                .embedder(new HashingEmbedder(64)).build()) {
            assertThatThrownBy(() -> brain.access().grant(AccessGrant.of("notes", "user:bob", Permission.READ), ALICE))
                    .isInstanceOf(CapabilityNotSupportedException.class)
                    .hasMessageContaining("governance store");
        }
    }
}
