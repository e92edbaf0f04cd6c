package io.astrocyte.agentcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.MultiBankStrategy;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCardResolverTest {

    private static final String CONFIG = """
            access_control: {enabled: true, default_policy: owner_only}
            access_grants:
              - {bank_id: "kb-*", principal: "*", permissions: [read]}
              - {bank_id: "kb-*", principal: "service:kb-loader", permissions: [write]}
            agents:
              ops-bot: {banks: [ops-runbooks], max_recall_per_minute: 30}
            banks:
              ops-runbooks: {}
              prod-customers: {environment: production}
            agent_cards:
              production_banks: ["prod-*"]
              mappings:
                - match: {organization: "acme*", skill: billing}
                  default_bank: "support-{agent_id}:user-{user_id}"
                  read_banks: ["kb-{tenant_id}"]
                  strategy: cascade
                  max_retain_per_minute: 10
                - match: {name: "crm helper"}
                  default_bank: "crm-{agent_id}"
                  read_banks: [prod-customers]
                - match: {name: "prod writer"}
                  environments: [staging]
                  default_bank: "prod-{agent_id}"
                  allow_production_banks: true
                - match: {name: "prod writer"}
                  default_bank: "prod-{agent_id}"
            """;

    @TempDir
    Path dir;

    private final List<ResolutionEvent> events = new ArrayList<>();
    private Astrocyte brain;
    private AgentCardResolver resolver;

    @BeforeEach
    void open() throws Exception {
        Path file = dir.resolve("astrocyte.yaml");
        Files.writeString(file, CONFIG);
        AstrocyteConfig config = new ConfigLoader(k -> null).load(file);
        brain = Astrocyte.builder().config(config).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).governanceStore(new InMemoryGovernanceStore()).build();
        resolver = AgentCardResolver.builder(brain.config()).accessManager(brain.access()).listener(events::add).build();
    }

    @AfterEach
    void close() {
        brain.close();
    }

    private static AgentCard named(String name) {
        return AgentCardReader.read("{\"name\":\"" + name + "\",\"provider\":{\"organization\":\"Initech\"},"
                + "\"url\":\"https://agents.initech.example\"}");
    }

    private static ExecutionEnvironment prodFor(String user) {
        return ExecutionEnvironment.of("production").forUser(user).inTenant("acme");
    }

    @Test
    void aMappingRendersBankTemplatesStrategyAndLimits() throws Exception {
        AgentCard card = AgentCardReaderTest.card("support-v1.json");
        ResolvedMemoryBinding b = resolver.resolve(card, prodFor("user:alice").inSandbox("sbx-7"));
        AgentIdentity id = resolver.identify(card);
        assertThat(b.context().principal()).isEqualTo(id.principal());
        assertThat(b.context().onBehalfOf().grantKey()).isEqualTo("user:alice");
        assertThat(b.context().tenantId()).isEqualTo("acme");
        assertThat(b.context().actor().claims()).containsEntry("label", "a2a://acme corp/support bot")
                .containsEntry("environment", "production").containsEntry("sandbox_id", "sbx-7")
                .containsEntry("agent_card_sha256", card.sha256());
        assertThat(b.defaultBank()).isEqualTo("support-" + id.agentId() + ":user-alice");
        assertThat(b.readBanks()).containsExactly(b.defaultBank(), "kb-acme");
        assertThat(b.strategy().mode()).isEqualTo(MultiBankStrategy.Mode.CASCADE);
        assertThat(b.limits().maxRetainPerMinute()).isEqualTo(10);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("resolved");
            assertThat(e.rule()).isEqualTo("agent_cards.mappings[0]");
            assertThat(e.sandboxId()).isEqualTo("sbx-7");
        });
    }

    @Test
    void usersWhoseIdsDifferOnlyInUnsafeCharactersGetDifferentBanks() throws Exception {
        AgentCard card = AgentCardReaderTest.card("support-v1.json");
        String spaced = resolver.resolve(card, prodFor("user:jo smith")).defaultBank();
        String underscored = resolver.resolve(card, prodFor("user:jo_smith")).defaultBank();
        String slashed = resolver.resolve(card, prodFor("user:jo/smith")).defaultBank();
        assertThat(List.of(spaced, underscored, slashed)).doesNotHaveDuplicates();
        assertThat(underscored).endsWith(":user-jo_smith");
        assertThat(spaced).endsWith(":user-jo:20smith");
    }

    @Test
    void usersOfOneAgentNeverSeeEachOthersMemory() throws Exception {
        AgentCard card = AgentCardReaderTest.card("support-v1.json");
        ResolvedMemoryBinding alice = resolver.resolve(card, prodFor("user:alice"));
        ResolvedMemoryBinding bob = resolver.resolve(card, prodFor("user:bob"));
        brain.retain(RetainRequest.of("kb-acme", "Refunds are issued within five days"),
                AstrocyteContext.of("service:kb-loader"));
        brain.retain(RetainRequest.of(alice.defaultBank(), "Alice's refund for invoice 881 is pending"), alice.context());
        brain.retain(RetainRequest.of(bob.defaultBank(), "Bob asked about express shipping"), bob.context());

        // Parallel over all read banks (the mapping's cascade would stop at Bob's own bank once it has a hit).
        List<MemoryHit> bobHits = brain.recall(RecallRequest.builder("refund invoice").banks(bob.readBanks())
                .strategy(MultiBankStrategy.parallel()).build(), bob.context()).hits();
        assertThat(bobHits).extracting(MemoryHit::text).noneMatch(t -> t.contains("Alice"));
        assertThat(bobHits).extracting(MemoryHit::bankId).contains("kb-acme");
        // The agent's grant covers every user's bank, but acting for Bob it only has what Bob has.
        assertThatThrownBy(() -> brain.recall(RecallRequest.of(alice.defaultBank(), "refund"), bob.context()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(brain.recall(RecallRequest.of(alice.defaultBank(), "refund"), alice.context()).hits()).hasSize(1);
        // Nor can the card's principal write to the shared knowledge base, which it may only read.
        assertThatThrownBy(() -> brain.retain(RetainRequest.of("kb-acme", "Refunds are instant"), alice.context()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aResolvedAgentsOwnRateLimitIsEnforcedOnTheInstance() throws Exception {
        AgentCardResolver wired = AgentCardResolver.forAstrocyte(brain);
        ResolvedMemoryBinding b = wired.resolve(AgentCardReaderTest.card("support-v1.json"), prodFor("user:alice"));
        for (int i = 0; i < 10; i++) {
            brain.retain(RetainRequest.of(b.defaultBank(), "note " + i), b.context());
        }
        assertThatThrownBy(() -> brain.retain(RetainRequest.of(b.defaultBank(), "note 10"), b.context()))
                .isInstanceOfSatisfying(io.astrocyte.RateLimitedException.class,
                        e -> assertThat(e.operation()).contains(b.context().principal()));
    }

    @Test
    void anExactAgentsEntryWinsAndUsesItsConfiguredPrincipal() {
        ResolvedMemoryBinding b = resolver.resolve(named("Ops-Bot"), ExecutionEnvironment.of("production"));
        assertThat(b.context().principal()).isEqualTo("agent:ops-bot");
        assertThat(b.defaultBank()).isEqualTo("ops-runbooks");
        assertThat(b.limits().maxRecallPerMinute()).isEqualTo(30);
        assertThat(events.get(0).rule()).isEqualTo("agents.ops-bot");
        brain.retain(RetainRequest.of(b.defaultBank(), "Restart the queue with make bounce"), b.context());
    }

    @Test
    void anUnmappedAgentGetsAPrivateBankPerUser() {
        AgentCard card = named("Stray Helper");
        String agentId = resolver.identify(card).agentId();
        ResolvedMemoryBinding withUser = resolver.resolve(card, prodFor("user:carol"));
        ResolvedMemoryBinding alone = resolver.resolve(card, ExecutionEnvironment.of("production"));
        assertThat(withUser.defaultBank()).isEqualTo("agent-" + agentId + ":user-carol");
        assertThat(alone.defaultBank()).isEqualTo("agent-" + agentId);
        brain.retain(RetainRequest.of(withUser.defaultBank(), "Carol's parcel is at the depot"), withUser.context());
        brain.retain(RetainRequest.of(alone.defaultBank(), "Depot closes at six"), alone.context());
        assertThat(events).extracting(ResolutionEvent::rule).containsOnly("default");
    }

    @Test
    void nonProductionBindingsCannotReachProductionBanksUnlessAllowed() {
        ExecutionEnvironment staging = ExecutionEnvironment.of("staging").forUser("user:dev");
        assertThatThrownBy(() -> resolver.resolve(named("CRM Helper"), staging))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.bankId()).isEqualTo("prod-customers");
                    assertThat(e.permission()).isEqualTo(Permission.READ);
                    assertThat(e.getMessage()).contains("staging", "allow_production_banks");
                });
        assertThat(events).last().satisfies(e -> assertThat(e.outcome()).isEqualTo("refused"));
        assertThat(resolver.resolve(named("CRM Helper"), ExecutionEnvironment.of("production")).readBanks())
                .contains("prod-customers");
        // The staging-only rule that allows production banks comes first for staging …
        assertThat(resolver.resolve(named("Prod Writer"), staging).defaultBank()).startsWith("prod-");
        // … while in dev the next rule applies, which does not.
        assertThatThrownBy(() -> resolver.resolve(named("Prod Writer"), ExecutionEnvironment.of("dev")))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.permission()).isEqualTo(Permission.WRITE));
    }

    @Test
    void aTemplateValueTheEnvironmentLacksIsAClearError() throws Exception {
        AgentCard card = AgentCardReaderTest.card("support-v1.json");
        assertThatThrownBy(() -> resolver.resolve(card, ExecutionEnvironment.of("production").inTenant("acme")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("{user_id}");
        assertThatThrownBy(() -> resolver.resolve(card, ExecutionEnvironment.of("production").forUser("user:al")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("{tenant_id}");
    }

    @Test
    void resolutionsAreCachedPerCardAndEnvironmentAndAVersionBumpKeepsThePrincipal() throws Exception {
        AgentCard v1 = AgentCardReaderTest.card("support-v1.json");
        ResolvedMemoryBinding first = resolver.resolve(v1, prodFor("user:alice"));
        assertThat(resolver.resolve(v1, prodFor("user:alice"))).isSameAs(first);
        AgentCard bumped = AgentCardReader.read(Files.readString(Path.of(
                getClass().getResource("/cards/support-v1.json").toURI())).replace("2.4.0", "2.5.0"));
        ResolvedMemoryBinding afterUpgrade = resolver.resolve(bumped, prodFor("user:alice"));
        assertThat(afterUpgrade).isNotSameAs(first).isEqualTo(withSha(first, bumped.sha256()));
        AgentCard v03 = AgentCardReaderTest.card("support-v03.json");
        assertThat(resolver.resolve(v03, prodFor("user:alice")).context().principal())
                .isEqualTo(first.context().principal());
        assertThat(events).extracting(ResolutionEvent::outcome)
                .containsExactly("resolved", "cached", "resolved", "resolved");
    }

    private static ResolvedMemoryBinding withSha(ResolvedMemoryBinding b, String sha) {
        java.util.Map<String, String> claims = new java.util.LinkedHashMap<>(b.context().actor().claims());
        claims.put("agent_card_sha256", sha);
        io.astrocyte.identity.ActorIdentity actor = new io.astrocyte.identity.ActorIdentity(
                b.context().actor().type(), b.context().actor().id(), claims);
        return new ResolvedMemoryBinding(new AstrocyteContext(b.context().principal(), actor, b.context().onBehalfOf(),
                b.context().tenantId()), b.defaultBank(), b.readBanks(), b.strategy(), b.limits());
    }

    @Test
    void badTemplatesFailAtConstructionAndAFailingListenerDoesNotFailResolution() {
        AstrocyteConfig bad = new ConfigLoader(k -> null).fromMap(java.util.Map.of("agent_cards", java.util.Map.of(
                "mappings", List.of(java.util.Map.of("match", java.util.Map.of("name", "x"),
                        "default_bank", "bank-{agent}")))));
        assertThatThrownBy(() -> AgentCardResolver.builder(bad).build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("agent_cards.mappings[0].default_bank").hasMessageContaining("{agent}");
        AgentCardResolver noisy = AgentCardResolver.builder(brain.config()).listener(e -> {
            throw new IllegalStateException("audit sink down");
        }).build();
        assertThat(noisy.resolve(named("Ops-Bot"), ExecutionEnvironment.of("production")).defaultBank())
                .isEqualTo("ops-runbooks");
    }
}
