package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.spi.Embedder;
import io.astrocyte.springai.AstrocyteChatMemoryRepository;
import io.astrocyte.springai.AstrocyteDocumentRetriever;
import io.astrocyte.springai.AstrocyteMemoryAdvisor;
import io.astrocyte.springai.AstrocyteMemoryTools;
import io.astrocyte.springai.AstrocyteToolCallRecorder;
import io.astrocyte.qdrant.RecordingQdrantServer;
import io.astrocyte.springai.EchoChatModel;
import io.qdrant.client.grpc.Points;
import java.util.List;
import io.astrocyte.store.memory.InMemoryVectorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration in an {@link ApplicationContextRunner}, one test per property group. Most tests
 * give the context a deterministic hashing embedder bean (a test double, which also shows that an
 * application's own {@link Embedder} is used); one starts with nothing but the starter.
 */
class AutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return StarterContexts.withHashingEmbedder(dir);
    }

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    @Test
    void onlyTheStarterGivesAWorkingEmbeddedMemory() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AstrocyteAutoConfiguration.class))
                .withPropertyValues("astrocyte.data-dir=" + dir).run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(Astrocyte.class)
                            .hasSingleBean(AstrocyteMemoryAdvisor.class).hasSingleBean(AstrocyteMemoryTools.class)
                            .hasSingleBean(AstrocyteDocumentRetriever.class).hasSingleBean(AstrocyteHealthIndicator.class)
                            .doesNotHaveBean(AstrocyteToolCallRecorder.class)
                            .doesNotHaveBean(ChatMemoryRepository.class);
                    Astrocyte brain = ctx.getBean(Astrocyte.class);
                    assertThat(brain.vectorStore().name()).isEqualTo("embedded");
                    assertThat(brain.embedder().dimension()).isEqualTo(384);
                    brain.retain(RetainRequest.of("user-alice", "Alice's cat is called Miso"), ALICE);
                    assertThat(brain.recall(RecallRequest.of("user-alice", "What is the cat's name?"), ALICE).hits())
                            .first().satisfies(h -> assertThat(h.text()).contains("Miso"));
                    Health health = ctx.getBean(AstrocyteHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("store", "embedded")
                            .containsEntry("circuitBreaker", "closed");
                });
        assertThat(dir.toFile().list()).as("data written under astrocyte.data-dir").isNotEmpty();
    }

    @Test
    void policyTreePropertiesBindLikeAstrocyteYaml() {
        runner().withPropertyValues(
                "astrocyte.profile=support",
                "astrocyte.homeostasis.recall-max-tokens=900",
                "astrocyte.access-control.enabled=true",
                "astrocyte.access-control.default-policy=owner_only",
                "astrocyte.access-grants[0].bank-id=team-*",
                "astrocyte.access-grants[0].principal=agent:support",
                "astrocyte.access-grants[0].permissions=read,write",
                "astrocyte.banks.user-alice.homeostasis.recall-max-tokens=300",
                "astrocyte.signal_quality.dedup.similarity_threshold=0.97",
                "astrocyte.barriers.pii.action=redact").run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    AstrocyteConfig c = ctx.getBean(AstrocyteConfig.class);
                    assertThat(c.homeostasis().recallMaxTokens()).isEqualTo(900);
                    assertThat(c.accessControl().enabled()).isTrue();
                    assertThat(c.accessControl().defaultPolicy()).isEqualTo(AccessControlConfig.DefaultPolicy.OWNER_ONLY);
                    assertThat(c.accessGrants()).singleElement().satisfies(g -> {
                        assertThat(g.bankId()).isEqualTo("team-*");
                        assertThat(g.permissions()).containsExactly("read", "write");
                    });
                    assertThat(c.banks()).containsKey("user-alice");
                    assertThat(c.homeostasisFor("user-alice").recallMaxTokens()).isEqualTo(300);
                    assertThat(c.signalQuality().dedup().similarityThreshold()).isEqualTo(0.97);
                    assertThat(ctx.getBean(Astrocyte.class).config()).isSameAs(c);
                });
    }

    @Test
    void extractionProfilesBindFromPropertiesAndAFactProfileWithoutAnLlmFailsStartup() {
        runner().withPropertyValues(
                "astrocyte.extraction-profiles.team-notes.content-type=conversation",
                "astrocyte.extraction-profiles.team-notes.chunk-size=300",
                "astrocyte.extraction-profiles.team-notes.fact-type=experience").run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    var profile = ctx.getBean(AstrocyteConfig.class).extractionProfiles().get("team-notes");
                    assertThat(profile.chunkSize()).isEqualTo(300);
                    assertThat(profile.factType()).isEqualTo("experience");
                    var result = ctx.getBean(Astrocyte.class).retain(io.astrocyte.api.RetainRequest.builder(
                            "user-alice", "Alice: standup moves to ten").extractionProfile("team-notes").build(),
                            io.astrocyte.identity.AstrocyteContext.of("user:alice"));
                    assertThat(result.stored()).isTrue();
                });
        runner().withPropertyValues("astrocyte.extraction-profiles.team-notes.fact-extraction=concise").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("extraction_profiles.team-notes.fact_extraction: needs an LLM"));
    }

    @Test
    void environmentVariablesSetTheStartersKeysButNeverBreakTheTree() {
        Path fromEnv = dir.resolve("from-env");
        runner().withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addFirst(
                new org.springframework.core.env.SystemEnvironmentPropertySource("test-env", Map.<String, Object>of(
                        "ASTROCYTE_DATA_DIR", fromEnv.toString(),
                        "ASTROCYTE_HOMEOSTASIS_RECALL_MAX_TOKENS", "123",
                        "ASTROCYTE_SOMETHING_UNRELATED", "x"))))
                .withPropertyValues("astrocyte.homeostasis.recall-max-tokens=${ASTROCYTE_HOMEOSTASIS_RECALL_MAX_TOKENS}")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(AstrocyteProperties.class).getDataDir()).isEqualTo(fromEnv);
                    assertThat(ctx.getBean(AstrocyteConfig.class).homeostasis().recallMaxTokens())
                            .as("placeholders reach environment variables").isEqualTo(123);
                });
    }

    @Test
    void unknownOrInvalidKeysFailStartupNamingTheKey() {
        runner().withPropertyValues("astrocyte.homeostasis.recall-max-tokenz=5").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("recall_max_tokenz"));
        runner().withPropertyValues("astrocyte.access-control.default-policy=everyone").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("default_policy"));
    }

    @Test
    void configFileIsTheBaseAndPropertiesOverrideIt() throws Exception {
        Path yaml = dir.resolve("astrocyte.yaml");
        Files.writeString(yaml, """
                homeostasis:
                  recall_max_tokens: 700
                  reflect_max_tokens: 1500
                barriers:
                  pii:
                    action: redact
                """);
        runner().withPropertyValues("astrocyte.config-file=" + yaml, "astrocyte.homeostasis.recall-max-tokens=800")
                .run(ctx -> {
                    AstrocyteConfig c = ctx.getBean(AstrocyteConfig.class);
                    assertThat(c.homeostasis().recallMaxTokens()).isEqualTo(800);
                    assertThat(c.homeostasis().reflectMaxTokens()).isEqualTo(1500);
                });
        runner().withPropertyValues("astrocyte.config-file=" + dir.resolve("missing.yaml")).run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("missing.yaml"));
    }

    @Test
    void advisorPropertiesShapeTheAdvisor() {
        runner().withPropertyValues("astrocyte.advisor.order=42", "astrocyte.advisor.template=Known: {memories}",
                "astrocyte.advisor.auto-retain=user_facts", "astrocyte.binding.conversation-id-as-user=true",
                "astrocyte.binding.user-bank-prefix=u-").run(ctx -> {
                    AstrocyteMemoryAdvisor advisor = ctx.getBean(AstrocyteMemoryAdvisor.class);
                    assertThat(advisor.getOrder()).isEqualTo(42);
                    Astrocyte brain = ctx.getBean(Astrocyte.class);
                    brain.retain(RetainRequest.of("u-alice", "Alice likes sailing"), ALICE);
                    EchoChatModel model = new EchoChatModel();
                    ChatClient.builder(model).defaultAdvisors(advisor).build().prompt().user("I also enjoy chess")
                            .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice")).call().content();
                    assertThat(model.lastSystem()).startsWith("Known: ").contains("Alice likes sailing");
                    assertThat(brain.recall(RecallRequest.of("u-alice", "chess"), ALICE).hits())
                            .anySatisfy(h -> assertThat(h.text()).isEqualTo("I also enjoy chess"));
                });
        runner().withPropertyValues("astrocyte.advisor.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(AstrocyteMemoryAdvisor.class).hasSingleBean(Astrocyte.class));
        runner().withPropertyValues("astrocyte.advisor.template=no placeholder").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("{memories}"));
    }

    @Test
    void toolPropertiesShapeTheTools() {
        runner().withPropertyValues("astrocyte.tools.allow-forget=true", "astrocyte.tools.record-calls=true")
                .run(ctx -> {
                    assertThat(ctx.getBean(AstrocyteMemoryTools.class).tools()).hasSize(2);
                    assertThat(ctx).hasSingleBean(AstrocyteToolCallRecorder.class);
                });
        runner().withPropertyValues("astrocyte.tools.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(AstrocyteMemoryTools.class));
    }

    @Test
    void chatMemoryPropertiesRegisterTheFileRepository() {
        runner().withPropertyValues("astrocyte.chat-memory.enabled=true").run(ctx -> {
            assertThat(ctx).hasSingleBean(AstrocyteChatMemoryRepository.class);
            ctx.getBean(ChatMemoryRepository.class).saveAll("c1", java.util.List.of(
                    new org.springframework.ai.chat.messages.UserMessage("hi")));
            assertThat(dir.resolve("chat-memory")).isNotEmptyDirectory();
        });
    }

    @Test
    void springAiAndMicrometerBeansOfTheAppAreUsed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EchoChatModel chat = new EchoChatModel();
        runner().withBean(SimpleMeterRegistry.class, () -> meters)
                .withBean(org.springframework.ai.chat.model.ChatModel.class, () -> chat).run(ctx -> {
                    Astrocyte brain = ctx.getBean(Astrocyte.class);
                    assertThat(brain.llm()).map(l -> l.name()).hasValue("spring-ai:EchoChatModel");
                    brain.retain(RetainRequest.of("user-alice", "Alice plays the cello"), ALICE);
                    assertThat(meters.find("astrocyte.retain").counter()).isNotNull();
                    assertThat(meters.find("astrocyte.retain").counter().count()).isEqualTo(1.0);
                });
        runner().withBean(org.springframework.ai.chat.model.ChatModel.class, () -> chat)
                .withPropertyValues("astrocyte.spring-ai.use-chat-model=false").run(ctx ->
                        assertThat(ctx.getBean(Astrocyte.class).llm()).isEmpty());
    }

    @Test
    void qdrantPropertiesBuildTheQdrantStore() throws Exception {
        try (RecordingQdrantServer qdrant = RecordingQdrantServer.onLocalPort()) {
            runner().withPropertyValues("astrocyte.qdrant.host=127.0.0.1", "astrocyte.qdrant.port=" + qdrant.port(),
                    "astrocyte.qdrant.api-key=${QDRANT_TEST_KEY:secret-1}", "astrocyte.qdrant.collection=memories",
                    "astrocyte.qdrant.replication-factor=2", "astrocyte.qdrant.write-ordering=strong",
                    "astrocyte.qdrant.read-consistency=quorum", "astrocyte.qdrant.hnsw-ef=256")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed().hasSingleBean(QdrantConnectionDetails.class);
                        AstrocyteConfig c = ctx.getBean(AstrocyteConfig.class);
                        assertThat(c.vectorStore()).isEqualTo("qdrant");
                        assertThat(c.vectorStoreConfig()).containsEntry("host", "127.0.0.1")
                                .containsEntry("tls", false).containsEntry("api_key", "secret-1")
                                .containsEntry("collection", "memories").containsEntry("replication_factor", 2)
                                .containsEntry("write_ordering", "strong").containsEntry("read_consistency", "quorum")
                                .containsEntry("hnsw_ef", 256).doesNotContainKey("exact_search");
                        Astrocyte brain = ctx.getBean(Astrocyte.class);
                        assertThat(brain.vectorStore().name()).isEqualTo("qdrant");
                        brain.retain(RetainRequest.of("user-alice", "Alice's locker is number 12"), ALICE);
                        Health health = ctx.getBean(AstrocyteHealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails()).containsEntry("store", "qdrant");
                    });
            assertThat(qdrant.<io.qdrant.client.grpc.Collections.CreateCollection>requests("createCollection"))
                    .singleElement().satisfies(c -> assertThat(c.getReplicationFactor()).isEqualTo(2));
            List<Points.UpsertPoints> upserts = qdrant.requests("upsert");
            assertThat(upserts).singleElement().satisfies(u -> {
                assertThat(u.getOrdering().getType()).isEqualTo(Points.WriteOrderingType.Strong);
                assertThat(u.getCollectionName()).isEqualTo("memories");
                assertThat(u.getPoints(0).getPayloadMap().get("bank_id").getStringValue()).isEqualTo("user-alice");
            });
            assertThat(qdrant.calls).allSatisfy(call -> assertThat(call.apiKey()).isEqualTo("secret-1"));
        }
    }

    @Test
    void connectionDetailsBeanWinsOverProperties() throws Exception {
        try (RecordingQdrantServer qdrant = RecordingQdrantServer.onLocalPort()) {
            runner().withBean(QdrantConnectionDetails.class, () -> new PropertiesQdrantConnectionDetails("127.0.0.1",
                    qdrant.port(), false, null)).withPropertyValues("astrocyte.qdrant.host=unreachable.invalid")
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        assertThat(ctx.getBean(AstrocyteConfig.class).vectorStoreConfig())
                                .containsEntry("host", "127.0.0.1").containsEntry("port", qdrant.port());
                        assertThat(ctx.getBean(Astrocyte.class).vectorStore().name()).isEqualTo("qdrant");
                    });
            assertThat(qdrant.methods()).contains("collectionExists", "createCollection");
        }
    }

    @Test
    void backsOffWhenTheAppDefinesItsOwnBeans() {
        Astrocyte own = Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(32))
                .build();
        AstrocyteMemoryAdvisor ownAdvisor = AstrocyteMemoryAdvisor.builder(own).order(7).build();
        InMemoryChatMemoryRepository ownRepository = new InMemoryChatMemoryRepository();
        runner().withBean(Astrocyte.class, () -> own).withBean(AstrocyteMemoryAdvisor.class, () -> ownAdvisor)
                .withBean(ChatMemoryRepository.class, () -> ownRepository)
                .withPropertyValues("astrocyte.chat-memory.enabled=true").run(ctx -> {
                    assertThat(ctx.getBean(Astrocyte.class)).isSameAs(own);
                    assertThat(ctx.getBean(AstrocyteMemoryAdvisor.class)).isSameAs(ownAdvisor);
                    assertThat(ctx.getBean(ChatMemoryRepository.class)).isSameAs(ownRepository);
                    assertThat(ctx.getBean(AstrocyteMemoryTools.class)).isNotNull();
                });
        own.close();
    }

    @Test
    void appResolverBeansBindCallsWithoutExplicitIdentity() {
        MemoryBindingResolver tenantResolver = request -> Optional.of(ResolvedMemoryBinding.of(
                AstrocyteContext.of("user:" + request.conversationId()), "tenant-" + request.conversationId()));
        runner().withBean(MemoryBindingResolver.class, () -> tenantResolver).run(ctx -> {
            Astrocyte brain = ctx.getBean(Astrocyte.class);
            brain.retain(RetainRequest.of("tenant-bob", "Bob's office is in Leeds"), AstrocyteContext.of("user:bob"));
            EchoChatModel model = new EchoChatModel();
            ChatClient.builder(model).defaultAdvisors(ctx.getBean(AstrocyteMemoryAdvisor.class)).build().prompt()
                    .user("Where is my office?").advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "bob")).call()
                    .content();
            assertThat(model.lastSystem()).contains("Leeds");
        });
    }

    @Test
    void theSignedInSpringSecurityUserIsTheIdentity() {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        "erin@example.com", null, List.of()));
        try {
            runner().run(ctx -> {
                Astrocyte brain = ctx.getBean(Astrocyte.class);
                AstrocyteContext erin = AstrocyteContext.of("user:erin@example.com");
                brain.retain(RetainRequest.of("user-erin@example.com", "Erin's standup is at 9:30"), erin);
                EchoChatModel model = new EchoChatModel();
                ChatClient.builder(model).defaultAdvisors(ctx.getBean(AstrocyteMemoryAdvisor.class)).build().prompt()
                        .user("When is my standup?").call().content();
                assertThat(model.lastSystem()).contains("Erin's standup is at 9:30");
            });
            runner().withPropertyValues("astrocyte.binding.spring-security=false").run(ctx ->
                    assertThatThrownBy(() -> ChatClient.builder(new EchoChatModel())
                            .defaultAdvisors(ctx.getBean(AstrocyteMemoryAdvisor.class)).build().prompt()
                            .user("When is my standup?").call().content())
                            .isInstanceOf(io.astrocyte.AuthorizationException.class));
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.AnonymousAuthenticationToken("key", "anonymous",
                            List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                    "ROLE_ANONYMOUS"))));
            runner().run(ctx -> assertThatThrownBy(() -> ChatClient.builder(new EchoChatModel())
                    .defaultAdvisors(ctx.getBean(AstrocyteMemoryAdvisor.class)).build().prompt()
                    .user("When is my standup?").call().content())
                    .as("anonymous is nobody").isInstanceOf(io.astrocyte.AuthorizationException.class));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void disabledStarterCreatesNothing() {
        runner().withPropertyValues("astrocyte.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(Astrocyte.class).doesNotHaveBean(AstrocyteMemoryAdvisor.class));
    }
}
