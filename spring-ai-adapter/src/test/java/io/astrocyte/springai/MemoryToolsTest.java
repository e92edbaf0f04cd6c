package io.astrocyte.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** Memory tools and tool-call recording inside a real {@link ChatClient} tool loop (scripted test model). */
class MemoryToolsTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");

    private final Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
            .embedder(new HashingEmbedder(256)).build();

    @AfterEach
    void close() {
        brain.close();
    }

    private List<MemoryHit> memories(String bank, AstrocyteContext who, String query) {
        return brain.recall(RecallRequest.builder(query).bankId(bank).maxResults(20).build(), who).hits();
    }

    /** An application tool, to show that its calls are remembered with their results. */
    static final class WeatherTool {
        @Tool(name = "weather", description = "Current weather in a city")
        public String weather(@ToolParam(description = "city") String city) {
            return "Sunny and 21 degrees in " + city;
        }
    }

    @Test
    void modelRetainsAndRecallsThroughToolsWithIdentityFromTheToolContext() {
        AstrocyteMemoryTools tools = AstrocyteMemoryTools.builder(brain)
                .resolver(MemoryBindingResolver.conversationIdAsUser("user-")).build();
        ScriptedChatModel model = new ScriptedChatModel()
                .callTool("memory_retain", "{\"content\":\"Alice is allergic to peanuts\",\"tags\":\"health\"}");
        String answer = ChatClient.builder(model).build().prompt().user("Remember that I am allergic to peanuts")
                .tools(tools.tools().toArray()).toolContext(Map.of(ChatMemory.CONVERSATION_ID, "alice")).call()
                .content();
        assertThat(answer).startsWith("DONE: Saved as memory ");
        assertThat(memories("user-alice", ALICE, "peanuts")).singleElement().satisfies(h -> {
            assertThat(h.text()).isEqualTo("Alice is allergic to peanuts");
            assertThat(h.tags()).containsExactly("health");
        });

        ScriptedChatModel recalling = new ScriptedChatModel().callTool("memory_recall", "{\"query\":\"allergies\"}");
        String recalled = ChatClient.builder(recalling).build().prompt().user("What am I allergic to?")
                .tools(tools.tools().toArray()).toolContext(Map.of(ChatMemory.CONVERSATION_ID, "alice")).call()
                .content();
        assertThat(recalled).contains("Found 1 memory:").contains("Alice is allergic to peanuts");
        String bobs = ChatClient.builder(new ScriptedChatModel().callTool("memory_recall",
                "{\"query\":\"allergies\"}")).build().prompt().user("What am I allergic to?")
                .tools(tools.tools().toArray()).toolContext(Map.of(ChatMemory.CONVERSATION_ID, "bob")).call()
                .content();
        assertThat(bobs).as("Bob's tools read Bob's bank only").isEqualTo("DONE: No memories found.");
    }

    @Test
    void explicitToolContextBindingAndForgetOnlyWhenAllowed() {
        AstrocyteMemoryTools plain = AstrocyteMemoryTools.builder(brain).build();
        assertThat(plain.tools()).hasSize(1);
        AstrocyteMemoryTools withForget = AstrocyteMemoryTools.builder(brain).allowForget(true).build();
        assertThat(withForget.tools()).hasSize(2);

        String id = brain.retain(RetainRequest.of("user-bob", "Bob's locker code is 4411"), BOB).memoryId();
        Map<String, Object> bob = Map.of(BindingAttributes.PRINCIPAL, "user:bob", BindingAttributes.BANK, "user-bob");
        String answer = ChatClient.builder(new ScriptedChatModel().callTool("memory_forget",
                "{\"memoryIds\":\"" + id + "\"}")).build().prompt().user("Forget my locker code")
                .tools(withForget.tools().toArray()).toolContext(bob).call().content();
        assertThat(answer).isEqualTo("DONE: Forgot 1 memory.");
        assertThat(memories("user-bob", BOB, "locker code")).isEmpty();
    }

    @Test
    void aToolCallWithoutIdentityFailsTheChatCall() {
        AstrocyteMemoryTools tools = AstrocyteMemoryTools.builder(brain)
                .resolver(MemoryBindingResolver.conversationIdAsUser("user-")).build();
        // wired with the adapter's exception processor, the chat call fails
        ToolCallingAdvisor.Builder<?> strict = ToolCallingAdvisor.builder().toolCallingManager(
                DefaultToolCallingManager.builder().toolExecutionExceptionProcessor(
                        AstrocyteMemoryTools.exceptionProcessor()).build());
        ScriptedChatModel model = new ScriptedChatModel().callTool("memory_recall", "{\"query\":\"anything\"}");
        assertThatThrownBy(() -> ChatClient.builder(model, ObservationRegistry.NOOP, null, null, strict).build()
                .prompt().user("What do you know?").tools(tools.tools().toArray())
                .toolContext(Map.of("tenant_hint", "acme")).call().content())
                .isInstanceOf(AuthorizationException.class);
        assertThat(model.prompts).as("no second model call").hasSize(1);
        // with Spring AI's default handling the model is told, and the memory is untouched either way
        String told = ChatClient.builder(new ScriptedChatModel().callTool("memory_recall",
                "{\"query\":\"anything\"}")).build().prompt().user("What do you know?")
                .tools(tools.tools().toArray()).toolContext(Map.of("tenant_hint", "acme")).call().content();
        assertThat(told).startsWith("DONE: ").contains("principal");
        assertThatThrownBy(() -> ChatClient.builder(new ScriptedChatModel().callTool("memory_recall",
                "{\"query\":\"anything\"}")).build().prompt().user("What do you know?")
                .tools(tools.tools().toArray()).call().content())
                .as("no tool context at all: Spring AI refuses before the tool runs")
                .hasMessageContaining("ToolContext is required");
    }

    @Test
    void fixedBindingToolsNeedNoToolContext() {
        AstrocyteMemoryTools tools = AstrocyteMemoryTools.builder(brain)
                .binding(io.astrocyte.identity.ResolvedMemoryBinding.of(ALICE, "user-alice")).build();
        String answer = ChatClient.builder(new ScriptedChatModel().callTool("memory_retain",
                "{\"content\":\"Alice works from Porto on Fridays\"}")).build().prompt().user("note this")
                .tools(tools.tools().toArray()).call().content();
        assertThat(answer).startsWith("DONE: Saved as memory ");
        assertThat(memories("user-alice", ALICE, "Porto Fridays")).extracting(MemoryHit::text)
                .containsExactly("Alice works from Porto on Fridays");
    }

    @Test
    void finishedToolCallsAreRememberedWithTheirResultsButMemoryToolsAreNot() {
        AstrocyteMemoryTools tools = AstrocyteMemoryTools.builder(brain)
                .resolver(MemoryBindingResolver.conversationIdAsUser("user-")).build();
        ScriptedChatModel model = new ScriptedChatModel().callTool("weather", "{\"city\":\"Lisbon\"}")
                .callTool("memory_recall", "{\"query\":\"Lisbon\"}");
        ChatClient client = ChatClient.builder(model)
                .defaultAdvisors(AstrocyteToolCallRecorder.of(brain, MemoryBindingResolver.conversationIdAsUser(
                        "user-")))
                .build();
        String answer = client.prompt().user("What's the weather in Lisbon?")
                .tools(new WeatherTool(), tools.tools().get(0))
                .toolContext(Map.of(ChatMemory.CONVERSATION_ID, "alice"))
                .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice")).call().content();
        assertThat(model.prompts).hasSize(3);
        assertThat(answer).startsWith("DONE: Found 1 memory:");

        List<MemoryHit> recorded = memories("user-alice", ALICE, "weather Lisbon");
        assertThat(recorded).singleElement().satisfies(h -> {
            assertThat(h.text()).contains("Tool call weather with arguments {\"city\":\"Lisbon\"}")
                    .contains("returned: \"Sunny and 21 degrees in Lisbon\"");
            assertThat(h.tags()).containsExactly("tool_call", "weather");
            assertThat(h.factType()).isEqualTo("experience");
            assertThat(h.metadata()).containsEntry("tool_name", "weather").containsEntry("tool_call_id", "call-1");
        });
    }
}
