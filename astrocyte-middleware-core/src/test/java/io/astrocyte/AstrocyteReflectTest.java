package io.astrocyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.api.Dispositions;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AstrocyteReflectTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    @Test
    void withoutAnLlmTheAnswerIsExtractiveAndCitesMemoryIds() {
        try (Astrocyte brain = TestBrains.inMemory()) {
            RetainResult pet = brain.retain(RetainRequest.of("user-alice",
                    "Alice has a cat called Miso. Miso is two years old."), ALICE);
            brain.retain(RetainRequest.of("user-alice", "The office moved to the fifth floor."), ALICE);

            ReflectResult r = brain.reflect(ReflectRequest.of("user-alice", "What is the name of Alice's cat?"), ALICE);

            assertThat(r.answer()).contains("Alice has a cat called Miso.").contains("[memory:" + pet.memoryId() + "]");
            assertThat(r.sources()).extracting(MemoryHit::memoryId).startsWith(pet.memoryId());
            assertThat(r.confidence()).isBetween(0.0, 1.0);
            assertThat(r.observations()).anyMatch(o -> o.contains("no LLM"));
        }
    }

    @Test
    void noMemoriesGiveTheFixedAnswer() {
        try (Astrocyte brain = TestBrains.inMemory()) {
            ReflectResult r = brain.reflect(ReflectRequest.of("user-alice", "anything?"), ALICE);
            assertThat(r.answer()).isEqualTo(ReflectResult.NO_MEMORIES_ANSWER);
        }
    }

    @Test
    void withAnLlmThePromptCarriesMemoriesAndDispositions() {
        RecordingLlm llm = new RecordingLlm("Miso [Memory 1]");
        try (Astrocyte brain = Astrocyte.builder().config(AstrocyteConfig.defaultConfig())
                .vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(256)).llm(llm).build()) {
            brain.retain(RetainRequest.of("user-alice", "Alice has a cat called Miso."), ALICE);

            ReflectResult r = brain.reflect(ReflectRequest.builder("What is the cat called?").bankId("user-alice")
                    .dispositions(new Dispositions(5, 1, 3)).build(), ALICE);

            assertThat(r.answer()).isEqualTo("Miso [Memory 1]");
            assertThat(r.sources()).hasSize(1);
            CompletionRequest sent = llm.requests.get(0);
            assertThat(sent.temperature()).isEqualTo(0.1);
            String system = sent.messages().get(0).content();
            String user = sent.messages().get(1).content();
            assertThat(sent.messages().get(0).role()).isEqualTo(Message.Role.SYSTEM);
            assertThat(system).contains("Be skeptical").contains("reasonable inferences").doesNotContain("feelings");
            assertThat(user).contains("[Memory 1] (world)").contains("Alice has a cat called Miso.")
                    .contains("<query>What is the cat called?</query>");
        }
    }

    @Test
    void theAnswerIsCappedAtMaxTokens() {
        RecordingLlm llm = new RecordingLlm("word ".repeat(200));
        try (Astrocyte brain = Astrocyte.builder().config(AstrocyteConfig.defaultConfig())
                .vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(256)).llm(llm).build()) {
            brain.retain(RetainRequest.of("user-alice", "something to talk about"), ALICE);
            ReflectResult r = brain.reflect(ReflectRequest.builder("talk").bankId("user-alice").maxTokens(10).build(),
                    ALICE);
            assertThat(io.astrocyte.pipeline.TokenCounter.count(r.answer())).isLessThanOrEqualTo(10);
            assertThat(llm.requests.get(0).maxTokens()).isEqualTo(10);
        }
    }

    @Test
    void anLlmFailureIsAProviderError() {
        LlmProvider broken = new LlmProvider() {
            @Override
            public String name() {
                return "broken-test-double";
            }

            @Override
            public Completion complete(CompletionRequest request) {
                throw new IllegalStateException("model offline");
            }
        };
        try (Astrocyte brain = Astrocyte.builder().config(AstrocyteConfig.defaultConfig())
                .vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(256)).llm(broken).build()) {
            brain.retain(RetainRequest.of("user-alice", "a fact"), ALICE);
            assertThatThrownBy(() -> brain.reflect(ReflectRequest.of("user-alice", "fact"), ALICE))
                    .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("model offline");
        }
    }

    /** Test double: an LLM that records what it was asked and answers with fixed text. */
    static final class RecordingLlm implements LlmProvider {
        final List<CompletionRequest> requests = new ArrayList<>();
        private final String answer;

        RecordingLlm(String answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "recording-test-double";
        }

        @Override
        public Completion complete(CompletionRequest request) {
            requests.add(request);
            return new Completion(answer, "test", null);
        }
    }
}
