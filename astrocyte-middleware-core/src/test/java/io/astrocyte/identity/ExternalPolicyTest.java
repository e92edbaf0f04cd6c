package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.spi.PolicyDecision;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three composition modes of an external policy engine with the configured grants (SPEC §2.3). */
class ExternalPolicyTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");

    /** Config grants: Alice may read and write her bank. Engine: allows Bob to read it, denies Alice's reads of "vault". */
    private final ScriptedPolicyProvider engine = new ScriptedPolicyProvider(new HashMap<>(Map.of(
            "user:bob user-alice read", PolicyDecision.allow("bob is alice's assistant"),
            "user:alice vault read", PolicyDecision.deny("vault is sealed"))));

    private Astrocyte open(String mode) {
        AstrocyteConfig config = new ConfigLoader(k -> null).fromMap(Map.of(
                "access_control", Map.of("enabled", true, "default_policy", "deny", "policy_mode", mode),
                "access_grants", List.of(
                        Map.of("bank_id", "user-alice", "principal", "user:alice", "permissions", List.of("read", "write")),
                        Map.of("bank_id", "vault", "principal", "user:alice", "permissions", List.of("read", "write")))));
        return Astrocyte.builder().config(config).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).governanceStore(new InMemoryGovernanceStore())
                .accessPolicyProvider(engine).build();
    }

    @Test
    void configThenExternalLetsTheEngineAllowWhatGrantsRefuse() {
        try (Astrocyte brain = open("config_then_external")) {
            brain.retain(RetainRequest.of("user-alice", "Alice's dentist is on Friday"), ALICE);
            assertThat(brain.recall(RecallRequest.of("user-alice", "dentist"), BOB).hits()).hasSize(1);
            // Grants decide first, so the engine's deny on vault never comes into play for Alice.
            assertThat(brain.access().check(ALICE, "vault", Permission.READ).allowed()).isTrue();
            assertThat(engine.asked).doesNotContain("user:alice vault read");
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("user-alice", "Bob was here"), BOB))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("external policy");
        }
    }

    @Test
    void externalThenConfigMakesTheEnginesAnswersFinalAndFallsBackOnNotApplicable() {
        try (Astrocyte brain = open("external_then_config")) {
            AccessDecision sealed = brain.access().check(ALICE, "vault", Permission.READ);
            assertThat(sealed.allowed()).isFalse();
            assertThat(sealed.reason()).contains("vault is sealed");
            assertThat(brain.access().check(ALICE, "vault", Permission.WRITE).allowed()).isTrue(); // not applicable → grants
            assertThat(brain.access().check(BOB, "user-alice", Permission.READ).allowed()).isTrue();
            assertThat(brain.access().check(BOB, "user-alice", Permission.WRITE).allowed()).isFalse();
        }
    }

    @Test
    void externalOnlyIgnoresGrantsAndTreatsNotApplicableAsDenial() {
        try (Astrocyte brain = open("external_only")) {
            assertThat(brain.access().check(ALICE, "user-alice", Permission.WRITE).allowed()).isFalse();
            assertThat(brain.access().check(BOB, "user-alice", Permission.READ).allowed()).isTrue();
        }
    }

    @Test
    void anEngineFailureRefusesTheCallAndAnonymousCallsNeverReachTheEngine() {
        try (Astrocyte brain = open("external_then_config")) {
            engine.failing = true;
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("user-alice", "dentist"), ALICE))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("refused");
            int asked = engine.asked.size();
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("user-alice", "dentist"), null))
                    .isInstanceOf(AuthorizationException.class);
            assertThat(engine.asked).hasSize(asked);
        }
    }

    @Test
    void aProviderNamedInTheConfigIsDiscovered() {
        AstrocyteConfig config = new ConfigLoader(k -> null).fromMap(Map.of("access_control", Map.of(
                "enabled", true, "default_policy", "deny", "policy_mode", "external_only",
                "policy_provider", "scripted-test-double", "policy_provider_config", Map.of("allow_read_prefix", "pub-"))));
        try (Astrocyte brain = Astrocyte.builder().config(config).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).build()) {
            assertThat(brain.access().check(BOB, "pub-news", Permission.READ).allowed()).isTrue();
            assertThat(brain.access().check(BOB, "pub-news", Permission.WRITE).reason()).contains("not public");
        }
    }
}
