package io.astrocyte.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.BindingAttributes;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.store.memory.InMemoryVectorStore;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter inside real LangChain4j {@link AiServices}, with a scripted test chat model. */
class AiServicesMemoryTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");
    private static final MemoryBindingResolver USERS = MemoryBindingResolver.conversationIdAsUser("user-");

    interface Assistant {
        String chat(@MemoryId String userId, @UserMessage String message);
    }

    interface AnonymousAssistant {
        String chat(String message);
    }

    interface ParameterAssistant {
        String chat(@UserMessage String message, InvocationParameters parameters);
    }

    private final Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
            .embedder(new HashingEmbedder(256)).build();
    private final ScriptedChatModel model = new ScriptedChatModel();

    @TempDir
    Path dir;

    /** Short-term windows in the data folder, as an app would keep them; @MemoryId needs a provider. */
    private ChatMemoryProvider windows() {
        AstrocyteChatMemoryStore store = AstrocyteChatMemoryStore.in(dir.resolve("chat-memory"));
        return id -> MessageWindowChatMemory.builder().id(id).maxMessages(10).chatMemoryStore(store).build();
    }

    @AfterEach
    void close() {
        brain.close();
    }

    private List<String> texts(String bank, AstrocyteContext who, String query) {
        return brain.recall(RecallRequest.builder(query).bankId(bank).maxResults(20).build(), who).hits().stream()
                .map(MemoryHit::text).toList();
    }

    @Test
    void eachUsersFactsReachTheirOwnPromptAndNeverAnotherUsers() {
        brain.retain(RetainRequest.of("user-alice", "Alice's favourite drink is green tea"), ALICE);
        brain.retain(RetainRequest.of("user-bob", "Bob's favourite drink is black coffee"), BOB);
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).chatMemoryProvider(windows())
                .contentRetriever(AstrocyteContentRetriever.builder(brain).resolver(USERS).build()).build();

        assistant.chat("alice", "What is my favourite drink?");
        assertThat(model.lastPrompt()).contains("green tea").doesNotContain("black coffee");
        assistant.chat("bob", "What is my favourite drink?");
        assertThat(model.lastPrompt()).contains("black coffee").doesNotContain("green tea");
    }

    @Test
    void theAugmentorUsesItsTemplateAddsNothingWhenNothingIsFoundAndKeepsToTheBudget() {
        String[] companions = {"her cousin", "two colleagues", "the climbing club", "a mountain guide",
            "old school friends", "her dog", "a photographer", "nobody at all"};
        for (int i = 0; i < 8; i++) {
            brain.retain(RetainRequest.builder("user-alice", "Alice went hiking in the Alps with " + companions[i])
                    .occurredAt(java.time.Instant.parse("2026-0" + (i + 1) + "-10T09:00:00Z")).build(), ALICE);
        }
        assertThat(texts("user-alice", ALICE, "hiking")).hasSize(8);
        AstrocyteRetrievalAugmentor augmentor = AstrocyteRetrievalAugmentor.builder(
                AstrocyteContentRetriever.builder(brain).resolver(USERS).maxResults(8).maxTokens(40).build())
                .template("{{userMessage}}\n\n== MEMORY ==\n{{contents}}").build();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).chatMemoryProvider(windows()).retrievalAugmentor(augmentor)
                .build();

        assistant.chat("alice", "Tell me about hiking in the Alps");
        String prompt = model.lastPrompt();
        assertThat(prompt).startsWith("Tell me about hiking in the Alps\n\n== MEMORY ==\n").contains("occurred_at")
                .doesNotContain(io.astrocyte.integration.MemoryPreamble.HEADER);
        long injected = prompt.split("Alice went hiking", -1).length - 1;
        int withinBudget = brain.recall(RecallRequest.builder("Tell me about hiking in the Alps").bankId("user-alice")
                .maxResults(8).maxTokens(40).build(), ALICE).hits().size();
        assertThat(withinBudget).as("a 40-token budget holds fewer than the 8 matches").isBetween(1, 7);
        assertThat(injected).isEqualTo(withinBudget);

        assistant.chat("carol", "Tell me about hiking in the Alps");
        assertThat(model.lastPrompt()).as("carol has no memories").isEqualTo("Tell me about hiking in the Alps");
    }

    @Test
    void invocationParametersBindTheCallWhenThereIsNoMemoryId() {
        brain.retain(RetainRequest.of("team-support", "The VPN gateway moved to vpn2.example.com"),
                AstrocyteContext.of("agent:support"));
        ParameterAssistant assistant = AiServices.builder(ParameterAssistant.class).chatModel(model)
                .contentRetriever(AstrocyteContentRetriever.builder(brain).build()).build();

        assistant.chat("Where is the VPN gateway?", InvocationParameters.from(Map.of(
                BindingAttributes.PRINCIPAL, "agent:support", BindingAttributes.BANK, "team-support")));
        assertThat(model.lastPrompt()).contains("vpn2.example.com");
    }

    @Test
    void aCallWithoutIdentityIsRefusedToTheCaller() {
        AnonymousAssistant assistant = AiServices.builder(AnonymousAssistant.class).chatModel(model)
                .contentRetriever(AstrocyteContentRetriever.builder(brain).resolver(USERS).build()).build();
        assertThatThrownBy(() -> assistant.chat("What do you know about me?"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("no Astrocyte identity");
        assertThat(model.requests).as("the model was never called").isEmpty();
    }

    @Test
    void memoryToolsRetainRecallAndReflectForTheCallingUserOnly() {
        AstrocyteMemoryTools tools = AstrocyteMemoryTools.builder(brain).resolver(USERS).build();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).chatMemoryProvider(windows()).tools(tools.tools()).build();

        assertThat(assistant.chat("alice", "tool:memory_retain:Alice is allergic to peanuts"))
                .startsWith("Done: Saved as memory ");
        assertThat(texts("user-alice", ALICE, "allergy")).containsExactly("Alice is allergic to peanuts");

        assertThat(assistant.chat("alice", "tool:memory_recall:peanuts"))
                .startsWith("Done: Found 1 memory:").contains("Alice is allergic to peanuts");
        assertThat(assistant.chat("bob", "tool:memory_recall:peanuts")).isEqualTo("Done: No memories found.");
        assertThat(assistant.chat("alice", "tool:memory_reflect:What is Alice allergic to?")).contains("peanuts");
        assertThat(assistant.chat("alice", "tool:memory_retain:Alice is allergic to peanuts"))
                .as("dedup applies to tool retains").startsWith("Done: Already known");
        assertThat(model.requests.get(0).toolSpecifications()).extracting(t -> t.name())
                .containsExactlyInAnyOrder("memory_retain", "memory_recall", "memory_reflect");
    }

    @Test
    void forgetIsOfferedOnlyWhenAllowed() {
        String id = brain.retain(RetainRequest.of("user-alice", "Alice's locker code is 4711"), ALICE).memoryId();
        AstrocyteMemoryTools tools = AstrocyteMemoryTools.builder(brain).resolver(USERS).allowForget(true).build();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).chatMemoryProvider(windows()).tools(tools.tools()).build();
        assertThat(assistant.chat("alice", "tool:memory_forget:" + id)).isEqualTo("Done: Forgot 1 memory.");
        assertThat(texts("user-alice", ALICE, "locker")).isEmpty();
        assertThat(model.requests.get(0).toolSpecifications()).extracting(t -> t.name()).contains("memory_forget");
    }

    @Test
    void autoRetainStoresUserFactsThroughThePiiBarrier() {
        AstrocyteAutoRetain autoRetain = AstrocyteAutoRetain.builder(brain).resolver(USERS).build();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).chatMemoryProvider(windows())
                .contentRetriever(AstrocyteContentRetriever.builder(brain).resolver(USERS).build())
                .registerListeners(autoRetain.listeners()).build();

        assistant.chat("alice", "I moved to Lisbon last spring, mail me at alice@example.com");
        assistant.chat("alice", "Where do I live?");
        assertThat(model.lastPrompt()).as("the fact retained from the first turn is recalled in the second")
                .contains("Lisbon");
        List<MemoryHit> stored = brain.recall(RecallRequest.builder("Lisbon").bankId("user-alice").build(), ALICE)
                .hits();
        assertThat(stored).extracting(MemoryHit::text)
                .containsExactly("I moved to Lisbon last spring, mail me at [EMAIL_REDACTED]");
        assertThat(stored.get(0).metadata()).containsEntry("session_id", "alice");
        assertThat(stored.get(0).tags()).contains("auto_retain");
        assertThat(texts("user-bob", BOB, "Lisbon")).isEmpty();
        assertThat(texts("user-alice", ALICE, "Where do I live?")).as("questions are not user facts")
                .noneMatch(t -> t.contains("Where do I live"));
    }

    @Test
    void autoRetainOfWholeTurnsKeepsTheFinalAnswer() {
        AstrocyteAutoRetain autoRetain = AstrocyteAutoRetain.builder(brain).resolver(USERS)
                .autoRetain(io.astrocyte.integration.AutoRetainMode.TURNS).build();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).chatMemoryProvider(windows())
                .registerListeners(autoRetain.listeners()).build();
        assistant.chat("alice", "My sister Ana lives in Porto");
        assertThat(texts("user-alice", ALICE, "sister Porto")).singleElement().asString()
                .contains("User: My sister Ana lives in Porto").contains("Assistant: ECHO: My sister Ana lives in Porto");
    }

    /** A plain application tool. */
    static final class WeatherTool {
        @Tool("Current weather in a city")
        public String weather(String city) {
            return "Sunny and 24 degrees in " + city;
        }
    }

    @Test
    void toolCallsAreRecordedWithTheirResults() {
        AstrocyteMemoryTools memoryTools = AstrocyteMemoryTools.builder(brain).resolver(USERS).build();
        Assistant assistant = AiServices.builder(Assistant.class).chatModel(model).chatMemoryProvider(windows())
                .tools(List.of(new WeatherTool(), memoryTools.tools().get(0)))
                .registerListener(AstrocyteToolCallRecorder.of(brain, USERS)).build();
        assistant.chat("alice", "tool:weather:Lisbon");
        assistant.chat("alice", "tool:memory_recall:weather");
        List<MemoryHit> recorded = brain.recall(RecallRequest.builder("weather Lisbon").bankId("user-alice")
                .tags(List.of("tool_call")).build(), ALICE).hits();
        assertThat(recorded).singleElement().satisfies(h -> {
            assertThat(h.text()).contains("weather").contains("Lisbon").contains("Sunny and 24 degrees in Lisbon");
            assertThat(h.metadata()).containsEntry("tool_name", "weather");
            assertThat(h.factType()).isEqualTo("experience");
        });
    }
}
