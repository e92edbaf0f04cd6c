package io.astrocyte.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.Message;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** The on-disk chat window and the bridges from Spring AI models to Astrocyte's SPIs. */
class ChatMemoryRepositoryAndBridgesTest {

    @TempDir
    Path dir;

    @Test
    void repositoryKeepsEveryMessageKindAcrossInstances() {
        AstrocyteChatMemoryRepository repo = AstrocyteChatMemoryRepository.in(dir.resolve("chat"));
        List<org.springframework.ai.chat.messages.Message> messages = List.of(
                new SystemMessage("Be brief."),
                UserMessage.builder().text("Weather in Lisbon?").metadata(Map.of("channel", "web")).build(),
                AssistantMessage.builder().content("").toolCalls(List.of(new AssistantMessage.ToolCall("c1",
                        "function", "weather", "{\"city\":\"Lisbon\"}"))).build(),
                ToolResponseMessage.builder().responses(List.of(new ToolResponseMessage.ToolResponse("c1", "weather",
                        "Sunny"))).build(),
                new AssistantMessage("It is sunny in Lisbon."));
        repo.saveAll("user/alice:1", messages);

        AstrocyteChatMemoryRepository reopened = AstrocyteChatMemoryRepository.in(dir.resolve("chat"));
        List<org.springframework.ai.chat.messages.Message> back = reopened.findByConversationId("user/alice:1");
        assertThat(back).hasSize(5);
        assertThat(back.get(0)).isInstanceOf(SystemMessage.class).extracting(m -> m.getText()).isEqualTo("Be brief.");
        assertThat(back.get(1)).isInstanceOf(UserMessage.class);
        assertThat(back.get(1).getMetadata()).containsEntry("channel", "web");
        assertThat(((AssistantMessage) back.get(2)).getToolCalls()).singleElement()
                .isEqualTo(new AssistantMessage.ToolCall("c1", "function", "weather", "{\"city\":\"Lisbon\"}"));
        assertThat(((ToolResponseMessage) back.get(3)).getResponses()).singleElement()
                .isEqualTo(new ToolResponseMessage.ToolResponse("c1", "weather", "Sunny"));
        assertThat(back.get(4).getText()).isEqualTo("It is sunny in Lisbon.");
        assertThat(reopened.findConversationIds()).containsExactly("user/alice:1");
        assertThat(reopened.findByConversationId("nobody")).isEmpty();

        reopened.deleteByConversationId("user/alice:1");
        assertThat(reopened.findConversationIds()).isEmpty();
        assertThatThrownBy(() -> reopened.saveAll(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repositoryBacksSpringAisMessageWindowInAChatClient() throws Exception {
        AstrocyteChatMemoryRepository repo = AstrocyteChatMemoryRepository.in(dir);
        ChatMemory window = MessageWindowChatMemory.builder().chatMemoryRepository(repo).maxMessages(10).build();
        EchoChatModel model = new EchoChatModel();
        ChatClient client = ChatClient.builder(model).defaultAdvisors(MessageChatMemoryAdvisor.builder(window).build())
                .build();
        client.prompt().user("first").advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c-1")).call().content();
        client.prompt().user("second").advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "c-1")).call().content();
        assertThat(model.prompts.get(1).getInstructions()).extracting(m -> m.getText())
                .containsExactly("first", "ECHO: first", "second");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json")).count()).isEqualTo(1);
        }
        assertThat(AstrocyteChatMemoryRepository.in(dir).findByConversationId("c-1")).hasSize(4);
    }

    /** Test double: a Spring AI embedding model backed by Astrocyte's deterministic hashing embedder. */
    static class HashingEmbeddingModel implements EmbeddingModel {
        final HashingEmbedder hashing = new HashingEmbedder(64);
        int calls;

        @Override
        public EmbeddingResponse call(EmbeddingRequest request) {
            calls++;
            List<Embedding> out = new ArrayList<>();
            List<String> texts = request.getInstructions();
            for (int i = 0; i < texts.size(); i++) {
                out.add(new Embedding(hashing.embed(texts.get(i)), i));
            }
            return new EmbeddingResponse(out);
        }

        @Override
        public float[] embed(Document document) {
            return hashing.embed(document.getText());
        }
    }

    @Test
    void springAiEmbeddingModelEmbedsForAstrocyte() {
        HashingEmbeddingModel model = new HashingEmbeddingModel();
        SpringAiEmbedder embedder = new SpringAiEmbedder(model, "test-hashing-64");
        assertThat(embedder.dimension()).isEqualTo(64);
        assertThat(embedder.modelId()).isEqualTo("test-hashing-64");
        assertThat(new SpringAiEmbedder(model).modelId()).isEqualTo(HashingEmbeddingModel.class.getName());
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(embedder).build()) {
            AstrocyteContext alice = AstrocyteContext.of("user:alice");
            int before = model.calls;
            brain.retain(RetainRequest.of("user-alice", "Alice keeps bees in her garden"), alice);
            assertThat(model.calls).as("retain embedded through the Spring AI model").isGreaterThan(before);
            assertThat(brain.recall(RecallRequest.of("user-alice", "bees garden"), alice).hits()).isNotEmpty();
        }
        EmbeddingModel broken = new HashingEmbeddingModel() {
            @Override
            public EmbeddingResponse call(EmbeddingRequest request) {
                throw new IllegalStateException("quota exceeded");
            }
        };
        assertThatThrownBy(() -> new SpringAiEmbedder(broken, "x").embed(List.of("a")))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void springAiChatModelAnswersReflect() {
        EchoChatModel chat = new EchoChatModel();
        SpringAiLlm llm = new SpringAiLlm(chat);
        var completion = llm.complete(CompletionRequest.of(List.of(Message.system("Answer from memory."),
                Message.user("What does Alice keep?"))));
        assertThat(completion.text()).isEqualTo("ECHO: What does Alice keep?");
        assertThat(chat.lastSystem()).isEqualTo("Answer from memory.");

        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).llm(llm).build()) {
            AstrocyteContext alice = AstrocyteContext.of("user:alice");
            brain.retain(RetainRequest.of("user-alice", "Alice keeps bees in her garden"), alice);
            int before = chat.prompts.size();
            var answer = brain.reflect(ReflectRequest.of("user-alice", "What does Alice keep?"), alice);
            assertThat(chat.prompts).as("reflect asked the Spring AI model").hasSize(before + 1);
            assertThat(chat.prompts.get(before).getContents()).contains("Alice keeps bees in her garden");
            assertThat(answer.answer()).startsWith("ECHO:");
        }
    }
}
