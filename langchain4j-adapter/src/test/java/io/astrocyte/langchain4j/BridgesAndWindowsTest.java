package io.astrocyte.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.BindingAttributes;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model bridges, the chat-window store and the binding order. */
class BridgesAndWindowsTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    /** Test double: a LangChain4j embedding model backed by the deterministic hashing embedder. */
    static class HashingEmbeddingModel implements EmbeddingModel {
        final HashingEmbedder hashing = new HashingEmbedder(128);
        int calls;

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            calls++;
            List<Embedding> out = new ArrayList<>();
            for (TextSegment s : segments) {
                out.add(Embedding.from(hashing.embed(s.text())));
            }
            return Response.from(out);
        }

        @Override
        public int dimension() {
            return 128;
        }

        @Override
        public String modelName() {
            return "test-hashing-128";
        }
    }

    @Test
    void anApplicationsEmbeddingAndChatModelsServeAstrocyte() {
        HashingEmbeddingModel embeddings = new HashingEmbeddingModel();
        ScriptedChatModel chat = new ScriptedChatModel();
        LangChain4jEmbedder embedder = new LangChain4jEmbedder(embeddings);
        assertThat(embedder.dimension()).isEqualTo(128);
        assertThat(embedder.modelId()).isEqualTo("test-hashing-128");
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(embedder)
                .llm(new LangChain4jLlm(chat)).build()) {
            brain.retain(RetainRequest.of("user-alice", "Alice keeps bees on her roof in Lisbon"), ALICE);
            assertThat(brain.recall(RecallRequest.of("user-alice", "bees"), ALICE).hits()).hasSize(1);
            assertThat(embeddings.calls).as("retain and recall both embedded through the model").isEqualTo(2);
            String answer = brain.reflect(ReflectRequest.of("user-alice", "What does Alice keep?"), ALICE).answer();
            assertThat(chat.requests).as("reflect prompted the application's model").hasSize(1);
            List<ChatMessage> prompt = chat.requests.get(0).messages();
            assertThat(prompt.get(0)).isInstanceOf(SystemMessage.class);
            assertThat(((UserMessage) prompt.get(prompt.size() - 1)).singleText()).contains("bees");
            assertThat(answer).startsWith("ECHO: ");
        }
    }

    @Test
    void aFailingModelIsAProviderOutage() {
        EmbeddingModel broken = new HashingEmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                throw new IllegalStateException("connection refused");
            }
        };
        assertThatThrownBy(() -> new LangChain4jEmbedder(broken).embed(List.of("x")))
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("test-hashing-128");
    }

    @TempDir
    Path dir;

    @Test
    void chatWindowsSurviveANewStoreAndAnyIdIsASafeFileName() throws Exception {
        String id = "../../etc/passwd user/alice";
        AstrocyteChatMemoryStore first = AstrocyteChatMemoryStore.in(dir.resolve("windows"));
        assertThat(first.getMessages(id)).isEmpty();
        first.updateMessages(id, List.of(UserMessage.from("hello"), AiMessage.from("hi Alice")));
        first.updateMessages("bob", List.of(UserMessage.from("yo")));

        AstrocyteChatMemoryStore reopened = AstrocyteChatMemoryStore.in(dir.resolve("windows"));
        assertThat(reopened.getMessages(id)).containsExactly(UserMessage.from("hello"), AiMessage.from("hi Alice"));
        try (var files = Files.list(dir.resolve("windows"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(2).allMatch(n -> n.matches("[A-Za-z0-9_-]+\\.json"));
        }
        assertThat(Files.exists(dir.resolve("etc"))).isFalse();
        reopened.deleteMessages(id);
        assertThat(reopened.getMessages(id)).isEmpty();
        assertThat(reopened.getMessages("bob")).hasSize(1);
    }

    @Test
    void bindingOrderIsExplicitThenParametersThenResolverAndNeverADefault() {
        ResolvedMemoryBinding fixed = ResolvedMemoryBinding.of(AstrocyteContext.of("agent:fixed"), "fixed-bank");
        MemoryBindingResolver resolver = MemoryBindingResolver.conversationIdAsUser("user-");
        InvocationParameters params = InvocationParameters.from(Map.of(BindingAttributes.PRINCIPAL, "agent:p",
                BindingAttributes.BANK, "p-bank", BindingAttributes.BANKS, "shared-kb, org-policies"));

        assertThat(LangChain4jBindings.of(fixed, resolver).resolve("alice", params)).isSameAs(fixed);
        ResolvedMemoryBinding fromParams = LangChain4jBindings.of(null, resolver).resolve("alice", params);
        assertThat(fromParams.context().principal()).isEqualTo("agent:p");
        assertThat(fromParams.readBanks()).containsExactly("p-bank", "shared-kb", "org-policies");
        ResolvedMemoryBinding fromId = LangChain4jBindings.of(null, resolver).resolve("alice", new InvocationParameters());
        assertThat(fromId.context().principal()).isEqualTo("user:alice");
        assertThat(fromId.defaultBank()).isEqualTo("user-alice");

        assertThatThrownBy(() -> LangChain4jBindings.of(null, resolver).resolve("default", null))
                .as("LangChain4j's placeholder id is no identity").isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> LangChain4jBindings.of(null, null).resolve("alice", null))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> LangChain4jBindings.of(null, resolver).resolve("alice",
                InvocationParameters.from(BindingAttributes.PRINCIPAL, "user:alice")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("astrocyte.bank");
        MemoryBindingResolver nothing = request -> Optional.empty();
        assertThat(nothing.orElse(resolver).resolve(new io.astrocyte.identity.MemoryBindingRequest("bob", Map.of())))
                .hasValueSatisfying(b -> assertThat(b.defaultBank()).isEqualTo("user-bob"));
    }
}
