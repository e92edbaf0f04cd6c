package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nobody reaches a bank through any verb without a grant; delegation never adds rights. */
class AccessIsolationTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");
    private static final AstrocyteContext BOT = AstrocyteContext.of("agent:support-bot");
    private static final AstrocyteContext SEEDER = AstrocyteContext.of("service:seeder");
    private static final String SECRET = "Alice's locker code is 4711";

    private Astrocyte brain;

    private static AstrocyteConfig config(String policy) {
        return new ConfigLoader(k -> null).fromMap(Map.of(
                "access_control", Map.of("enabled", true, "default_policy", policy),
                "access_grants", List.of(
                        Map.of("bank_id", "user-alice", "principal", "user:alice",
                                "permissions", List.of("read", "write", "forget", "admin")),
                        Map.of("bank_id", "user-bob", "principal", "user:bob",
                                "permissions", List.of("read", "write", "forget", "admin")),
                        Map.of("bank_id", "user-*", "principal", "agent:support-bot", "permissions", List.of("read")),
                        Map.of("bank_id", "shared-*", "principal", "team:support",
                                "permissions", List.of("read", "write")),
                        Map.of("bank_id", "*", "principal", "service:seeder", "permissions", List.of("write"))),
                "banks", Map.of("org-policies", Map.of("access",
                        List.of(Map.of("principal", "*", "permissions", List.of("read")))))));
    }

    private Astrocyte open(String policy) {
        return Astrocyte.builder().config(config(policy)).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(128)).build();
    }

    @BeforeEach
    void seed() {
        brain = open("deny");
        brain.retain(RetainRequest.builder("user-alice", SECRET).tags("private").build(), ALICE);
        brain.retain(RetainRequest.of("user-bob", "Bob's locker code is 1234"), BOB);
        brain.retain(RetainRequest.of("org-policies", "Lockers are cleared every Friday"), SEEDER);
    }

    @AfterEach
    void close() {
        brain.close();
    }

    private void assertDenied(ThrowingCallable call, String principal, String bank, Permission permission) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.principal()).isEqualTo(principal);
            assertThat(e.bankId()).isEqualTo(bank);
            assertThat(e.permission()).isEqualTo(permission);
            assertThat(e.getMessage()).doesNotContain("4711").doesNotContain("locker");
        });
    }

    @Test
    void withoutAGrantNoVerbReachesAnotherBank() {
        assertDenied(() -> brain.retain(RetainRequest.of("user-alice", "planted"), BOB), "user:bob", "user-alice",
                Permission.WRITE);
        assertDenied(() -> brain.recall(RecallRequest.of("user-alice", "locker code"), BOB), "user:bob",
                "user-alice", Permission.READ);
        assertDenied(() -> brain.reflect(ReflectRequest.of("user-alice", "locker code?"), BOB), "user:bob",
                "user-alice", Permission.READ);
        assertDenied(() -> brain.history(HistoryRequest.of("user-alice", "locker", Instant.now()), BOB), "user:bob",
                "user-alice", Permission.READ);
        assertDenied(() -> brain.memoryCount("user-alice", BOB), "user:bob", "user-alice", Permission.READ);
        assertDenied(() -> brain.forget(ForgetRequest.byTags("user-alice", List.of("private")), BOB), "user:bob",
                "user-alice", Permission.FORGET);
        assertDenied(() -> brain.forget(ForgetRequest.all("user-alice"), BOB), "user:bob", "user-alice",
                Permission.ADMIN);
        assertDenied(() -> brain.forget(ForgetRequest.byTags("user-alice", List.of("private")).asCompliance("x"), BOB),
                "user:bob", "user-alice", Permission.ADMIN);
        assertDenied(() -> brain.exportBank(io.astrocyte.api.ExportRequest.of("user-alice"),
                new java.io.ByteArrayOutputStream(), BOB), "user:bob", "user-alice", Permission.ADMIN);
        assertDenied(() -> brain.importBank(io.astrocyte.api.ImportRequest.of("user-alice"), amaWith("planted"), BOB),
                "user:bob", "user-alice", Permission.ADMIN);
        // The bot may read every user bank, but export is admin: reading is not a licence to copy out.
        assertDenied(() -> brain.exportBank(io.astrocyte.api.ExportRequest.of("user-alice"),
                new java.io.ByteArrayOutputStream(), BOT), "agent:support-bot", "user-alice", Permission.ADMIN);
        assertDenied(() -> brain.exportBank(io.astrocyte.api.ExportRequest.of("user-alice"),
                new java.io.ByteArrayOutputStream(), BOT.onBehalfOf("user:alice")), "agent:support-bot",
                "user-alice", Permission.ADMIN);
        assertThat(brain.memoryCount("user-alice", ALICE)).as("nothing changed").isEqualTo(1);
        java.io.ByteArrayOutputStream own = new java.io.ByteArrayOutputStream();
        assertThat(brain.exportBank(io.astrocyte.api.ExportRequest.of("user-alice"), own, ALICE)).isEqualTo(1);
    }

    private static java.io.InputStream amaWith(String text) {
        return new java.io.ByteArrayInputStream(("{\"_ama_version\":1,\"bank_id\":\"x\",\"provider\":\"t\"}\n"
                + "{\"id\":\"1\",\"text\":\"" + text + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void multiBankCallsNeedThePermissionOnEveryBank() {
        for (var strategy : List.of(io.astrocyte.api.MultiBankStrategy.parallel(),
                io.astrocyte.api.MultiBankStrategy.cascade(1, List.of()),
                io.astrocyte.api.MultiBankStrategy.firstMatch())) {
            assertDenied(() -> brain.recall(RecallRequest.builder("locker code").banks(List.of("user-bob", "user-alice"))
                    .strategy(strategy).build(), BOB), "user:bob", "user-alice", Permission.READ);
        }
        assertDenied(() -> brain.reflect(ReflectRequest.builder("locker").banks(List.of("user-bob", "user-alice"))
                .build(), BOB), "user:bob", "user-alice", Permission.READ);
        assertThat(brain.recall(RecallRequest.builder("locker").banks(List.of("user-bob", "org-policies")).build(), BOB)
                .hits()).hasSize(2);
    }

    @Test
    void globGrantsGiveExactlyWhatTheySay() {
        assertThat(brain.recall(RecallRequest.of("user-alice", "locker"), BOT).hits()).hasSize(1);
        assertThat(brain.recall(RecallRequest.of("user-bob", "locker"), BOT).hits()).hasSize(1);
        assertDenied(() -> brain.retain(RetainRequest.of("user-bob", "x"), BOT), "agent:support-bot", "user-bob",
                Permission.WRITE);
        assertDenied(() -> brain.recall(RecallRequest.of("team-notes", "x"), BOT), "agent:support-bot", "team-notes",
                Permission.READ);
        assertThat(brain.recall(RecallRequest.of("org-policies", "lockers"), BOB).hits()).hasSize(1);
    }

    @Test
    void onBehalfOfIntersectsAndNeverEscalates() {
        AstrocyteContext botForBob = BOT.onBehalfOf("user:bob");
        assertThat(brain.recall(RecallRequest.of("user-bob", "locker"), botForBob).hits()).hasSize(1);
        assertDenied(() -> brain.recall(RecallRequest.of("user-alice", "locker"), botForBob), "agent:support-bot",
                "user-alice", Permission.READ);
        AstrocyteContext botForAlice = BOT.onBehalfOf("user:alice");
        assertDenied(() -> brain.retain(RetainRequest.of("user-alice", "x"), botForAlice), "agent:support-bot",
                "user-alice", Permission.WRITE);
        AstrocyteContext bobForAlice = BOB.onBehalfOf("user:alice");
        assertDenied(() -> brain.recall(RecallRequest.of("user-alice", "locker"), bobForAlice), "user:bob",
                "user-alice", Permission.READ);
    }

    @Test
    void teamsComeFromClaimsAndGlobsNeedTheWholeShape() {
        AstrocyteContext carol = new AstrocyteContext("user:carol",
                new ActorIdentity(ActorType.USER, "carol", Map.of(GrantAccessController.TEAMS_CLAIM, "eng, support")),
                null, null);
        assertThat(brain.retain(RetainRequest.of("shared-support", "team note"), carol).stored()).isTrue();
        assertDenied(() -> brain.retain(RetainRequest.of("shared", "x"), carol), "user:carol", "shared",
                Permission.WRITE);
        assertDenied(() -> brain.retain(RetainRequest.of("shared-support", "x"), BOB), "user:bob", "shared-support",
                Permission.WRITE);
    }

    @Test
    void anonymousCallsAreRefusedUnlessOpenAndOpenNeverGrantsAdmin() {
        assertThatThrownBy(() -> brain.recall(RecallRequest.of("org-policies", "lockers"), null))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("org-policies");
        brain.close();
        brain = open("open");
        AstrocyteContext stranger = AstrocyteContext.of("user:stranger");
        assertThat(brain.retain(RetainRequest.of("scratch", "anyone may write"), stranger).stored()).isTrue();
        assertThat(brain.retain(RetainRequest.of("scratch", "even anonymously"), null).stored()).isTrue();
        assertDenied(() -> brain.forget(ForgetRequest.all("scratch"), stranger), "user:stranger", "scratch",
                Permission.ADMIN);
        assertThatThrownBy(() -> brain.forget(ForgetRequest.all("scratch"), null))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void eachVerbAsksForItsOwnPermission() {
        // Alice holds everything on her bank; each call succeeds, which proves the checks are per bank.
        Consumer<AstrocyteContext> all = ctx -> {
            brain.retain(RetainRequest.of("user-alice", "more"), ctx);
            brain.recall(RecallRequest.of("user-alice", "more"), ctx);
            brain.forget(ForgetRequest.byTags("user-alice", List.of("nothing-tagged-so")), ctx);
            brain.forget(ForgetRequest.all("user-alice"), ctx);
        };
        all.accept(ALICE);
        assertThat(brain.memoryCount("user-alice", ALICE)).isZero();
    }
}
