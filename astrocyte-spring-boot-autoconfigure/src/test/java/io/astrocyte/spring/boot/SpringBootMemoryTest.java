package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spring.memory.MemoryScope;
import io.astrocyte.spring.memory.Recall;
import io.astrocyte.spring.memory.Remember;
import io.astrocyte.springai.AstrocyteMemoryAdvisor;
import io.astrocyte.springai.EchoChatModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot app with the starter: a real {@link ChatClient} with the auto-configured advisor, a
 * deterministic test chat model, and a service using the memory annotations.
 */
// Closes the context (and the store in the temporary folder) with the class: a cached context would keep
// committing into a folder JUnit has already deleted.
@DirtiesContext
@SpringBootTest(classes = SpringBootMemoryTest.MemoryApp.class)
class SpringBootMemoryTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("astrocyte.data-dir", () -> dataDir.toString());
        registry.add("astrocyte.advisor.auto-retain", () -> "user_facts");
        registry.add("astrocyte.binding.conversation-id-as-user", () -> "true");
    }

    @SpringBootApplication
    static class MemoryApp {

        /** Test double: deterministic embedder instead of the MiniLM model, to keep the test fast. */
        @Bean
        Embedder testEmbedder() {
            return new HashingEmbedder(128);
        }

        @Bean
        EchoChatModel chatModel() {
            return new EchoChatModel();
        }

        @Bean
        ChatClient chatClient(EchoChatModel model, AstrocyteMemoryAdvisor memory) {
            return ChatClient.builder(model).defaultSystem("You are a concierge.").defaultAdvisors(memory).build();
        }

        @Bean
        Concierge concierge(ChatClient chatClient) {
            return new Concierge(chatClient);
        }
    }

    /** An application service using the annotations. */
    @Service
    static class Concierge {
        private final ChatClient chat;

        Concierge(ChatClient chat) {
            this.chat = chat;
        }

        /** The advisor inside picks up the scope: no conversation id needed. */
        @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
        public String ask(String userId, String question) {
            return chat.prompt().user(question).call().content();
        }

        /** Streaming: Reactor may switch threads, the scope must still hold. */
        @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
        public String askStreaming(String userId, String question) {
            return String.join("", chat.prompt().user(question).stream().content().collectList().block());
        }

        @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
        @Remember(tags = "booking")
        public String book(String userId, @Remember(tags = "request") String request) {
            return "Booked: " + request.strip();
        }

        @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
        public List<String> brief(String userId, String topic, @Recall(query = "#topic", maxResults = 3)
                List<String> memories) {
            return memories;
        }

        public String unscoped(@Remember String note) {
            return note;
        }

        /** Remembers into whatever bank it is given: refused for someone else's bank. */
        @MemoryScope(principal = "user:#{#userId}", bank = "#bank")
        @Remember
        public String note(String userId, String bank, String text) {
            return "noted: " + text;
        }
    }

    @Autowired
    ChatClient chatClient;
    @Autowired
    EchoChatModel model;
    @Autowired
    Astrocyte brain;
    @Autowired
    Concierge concierge;

    private List<String> memories(String user, String query) {
        return brain.recall(RecallRequest.builder(query).bankId("user-" + user).maxResults(20).build(),
                AstrocyteContext.of("user:" + user)).hits().stream().map(MemoryHit::text).toList();
    }

    @Test
    void memoryIsInjectedForTheRightUserOnly() {
        brain.retain(RetainRequest.of("user-alice", "Alice is vegetarian"), AstrocyteContext.of("user:alice"));
        brain.retain(RetainRequest.of("user-bob", "Bob is allergic to shellfish"), AstrocyteContext.of("user:bob"));

        chatClient.prompt().user("Pick a restaurant for me, considering my diet")
                .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice")).call().content();
        assertThat(model.lastSystem()).startsWith("You are a concierge.").contains("Alice is vegetarian")
                .doesNotContain("shellfish");

        concierge.ask("bob", "Pick a restaurant for me, considering my diet");
        assertThat(model.lastSystem()).contains("Bob is allergic to shellfish").doesNotContain("vegetarian");

        assertThat(concierge.askStreaming("alice", "Pick a restaurant for me, considering my diet"))
                .isEqualTo("ECHO: Pick a restaurant for me, considering my diet");
        assertThat(model.lastSystem()).as("streaming keeps the scope").contains("Alice is vegetarian")
                .doesNotContain("shellfish");
    }

    @Test
    void autoRetainGoesThroughThePolicyLayer() {
        chatClient.prompt().user("My work email is carol.jones@example.com and I prefer window seats")
                .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "carol")).call().content();
        List<String> stored = memories("carol", "window seats email");
        assertThat(stored).singleElement().satisfies(text -> {
            assertThat(text).contains("window seats").doesNotContain("carol.jones@example.com");
        });
    }

    @Test
    void lookAlikeConversationIdsAreDifferentUsers() {
        chatClient.prompt().user("My PIN hint is the name of my first dog")
                .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "jo smith")).call().content();
        chatClient.prompt().user("What is my PIN hint?")
                .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "jo_smith")).call().content();
        assertThat(model.lastSystem()).as("jo_smith is not shown jo smith's memory").doesNotContain("first dog");
        assertThat(brain.recall(RecallRequest.builder("PIN hint").bankId("user-jo:20smith").build(),
                AstrocyteContext.of("user:jo smith")).hits()).extracting(MemoryHit::text)
                .containsExactly("My PIN hint is the name of my first dog");
        assertThat(memories("jo_smith", "PIN hint")).as("the question was not kept as a user fact").isEmpty();
    }

    @Test
    void annotationsRememberAndRecallInTheScope() {
        assertThat(concierge.book("dave", "  a table for two at 8pm  ")).isEqualTo("Booked: a table for two at 8pm");
        assertThat(memories("dave", "table for two")).contains("Booked: a table for two at 8pm",
                "a table for two at 8pm");
        assertThat(memories("erin", "table for two")).as("nothing in another user's bank").isEmpty();

        assertThat(concierge.brief("dave", "table booking", null)).contains("Booked: a table for two at 8pm");
        assertThat(concierge.brief("erin", "table booking", List.of("caller's value is replaced"))).isEmpty();
    }

    @Test
    void aRefusedRememberNeverFailsTheMethodThatSucceeded() {
        concierge.book("frank", "a quiet corner");
        assertThat(concierge.note("mallory", "user-frank", "mallory was here"))
                .as("the access refusal is logged, the method's result returned").isEqualTo("noted: mallory was here");
        assertThat(memories("frank", "mallory was here")).doesNotContain("noted: mallory was here");
    }

    @Test
    void anAnnotatedCallWithoutScopeIsRefused() {
        assertThatThrownBy(() -> concierge.unscoped("remember me")).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("no memory scope").hasMessageContaining("Concierge.unscoped");
    }
}
