package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code agents.<name>} grants (SPEC §2.3) and {@code identity.auto_resolve_banks} (SPEC §2.4). */
class AgentGrantsAndBankResolutionTest {

    private static final AstrocyteContext BOT = AstrocyteContext.of("agent:support-bot");
    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    private static AstrocyteConfig config(boolean autoResolve) {
        Map<String, Object> banks = new LinkedHashMap<>();
        banks.put("team-support", Map.of());
        banks.put("user-alice", Map.of("access", List.of(Map.of("principal", "user:alice",
                "permissions", List.of("read", "write")))));
        banks.put("org-policies", Map.of("access", List.of(Map.of("principal", "*", "permissions", List.of("read")))));
        return new ConfigLoader(k -> null).fromMap(Map.of(
                "access_control", Map.of("enabled", true, "default_policy", "deny"),
                "identity", Map.of("auto_resolve_banks", autoResolve),
                "agents", Map.of("support-bot", Map.of("banks", List.of("team-support", "user-*"),
                        "default_bank", "team-support", "max_recall_per_minute", 120)),
                "banks", banks));
    }

    private static Astrocyte open(AstrocyteConfig config) {
        return Astrocyte.builder().config(config).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).governanceStore(new InMemoryGovernanceStore()).build();
    }

    @Test
    void agentBankGlobsReachDeclaredBanksOnly() {
        AstrocyteConfig config = config(false);
        assertThat(config.grants()).filteredOn(g -> g.principal().pattern().equals("agent:support-bot"))
                .extracting(g -> g.bank().pattern()).containsExactly("team-support", "user-alice");
        assertThat(config.agents().get("support-bot").maxRecallPerMinute()).isEqualTo(120);
        try (Astrocyte brain = open(config)) {
            brain.retain(RetainRequest.of("team-support", "Refunds take five days"), BOT);
            brain.retain(RetainRequest.of("user-alice", "Alice ordered a blue kettle"), BOT);
            // user-bob matches the glob but is not declared, so the agent has no grant on it.
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("user-bob", "Bob ordered a lamp"), BOT))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> brain.forget(io.astrocyte.api.ForgetRequest.all("team-support"), BOT))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void anAgentEntryWithoutBanksIsAConfigError() {
        assertThatThrownBy(() -> new ConfigLoader(k -> null).fromMap(Map.of("agents", Map.of("idle", Map.of()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("agents.idle");
        assertThatThrownBy(() -> new ConfigLoader(k -> null).fromMap(Map.of("agents", Map.of("bot",
                Map.of("banks", List.of("b"), "permissions", List.of("fly"))))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("agents.bot.permissions");
    }

    @Test
    void autoResolvedBanksAreTheReadableOnesSorted() {
        try (Astrocyte brain = open(config(true))) {
            assertThat(brain.access().readableBanks(BOT)).containsExactly("org-policies", "team-support", "user-alice");
            assertThat(brain.access().readableBanks(ALICE)).containsExactly("org-policies", "user-alice");
            brain.retain(RetainRequest.of("user-alice", "Alice likes green tea"), ALICE);
            brain.retain(RetainRequest.of("team-support", "Green tea is out of stock"), BOT);
            List<MemoryHit> hits = brain.recall(RecallRequest.builder("green tea").build(), ALICE).hits();
            assertThat(hits).extracting(MemoryHit::bankId).containsOnly("user-alice");
            assertThat(brain.recall(RecallRequest.builder("green tea").build(), BOT).hits())
                    .extracting(MemoryHit::bankId).contains("team-support", "user-alice");
        }
    }

    @Test
    void withoutAnyKnownBankTheConventionBankIsTheCandidate() {
        AstrocyteConfig config = new ConfigLoader(k -> null).fromMap(Map.of(
                "access_control", Map.of("enabled", true, "default_policy", "owner_only"),
                "identity", Map.of("auto_resolve_banks", true)));
        try (Astrocyte brain = open(config)) {
            AstrocyteContext carol = AstrocyteContext.of("user:carol");
            // user-carol is Carol's own bank from the start: readable (empty) before her first write.
            assertThat(brain.access().readableBanks(carol)).containsExactly("user-carol");
            assertThat(brain.recall(RecallRequest.builder("anything").build(), carol).hits()).isEmpty();
            brain.retain(RetainRequest.of("user-carol", "Carol plays the cello"), carol);
            assertThat(brain.access().readableBanks(carol)).containsExactly("user-carol");
            assertThat(brain.recall(RecallRequest.builder("cello").build(), carol).hits()).hasSize(1);
        }
    }
}
