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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;

/** The adapter inside a real Spring AI {@link ChatClient}, with a deterministic test chat model. */
class ChatClientMemoryTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");
    private static final MemoryBindingResolver USERS = MemoryBindingResolver.conversationIdAsUser("user-");

    private final Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
            .embedder(new HashingEmbedder(256)).build();
    private final EchoChatModel model = new EchoChatModel();

    @AfterEach
    void close() {
        brain.close();
    }

    private String ask(ChatClient client, String user, String question) {
        return client.prompt().user(question).advisors(a -> a.param(ChatMemory.CONVERSATION_ID, user)).call()
                .content();
    }

    private List<String> texts(String bank, AstrocyteContext who, String query) {
        return brain.recall(RecallRequest.builder(query).bankId(bank).maxResults(20).build(), who).hits().stream()
                .map(MemoryHit::text).toList();
    }

    @Test
    void memoryIsInjectedForTheRightUserOnly() {
        brain.retain(RetainRequest.of("user-alice", "Alice's favourite drink is green tea"), ALICE);
        brain.retain(RetainRequest.of("user-bob", "Bob's favourite drink is black coffee"), BOB);
        ChatClient client = ChatClient.builder(model).defaultSystem("You are helpful.")
                .defaultAdvisors(AstrocyteMemoryAdvisor.builder(brain).resolver(USERS).build()).build();

        ask(client, "alice", "What is my favourite drink?");
        assertThat(model.lastSystem()).startsWith("You are helpful.").contains("- Alice's favourite drink is green tea")
                .doesNotContain("black coffee");
        ask(client, "bob", "What is my favourite drink?");
        assertThat(model.lastSystem()).contains("black coffee").doesNotContain("green tea");
        ask(client, "carol", "What is my favourite drink?");
        assertThat(model.lastSystem()).as("nothing to add for carol").isEqualTo("You are helpful.");
    }

    @Test
    void advisorParametersBindExplicitlyAndNoIdentityIsRefusedBeforeTheModel() {
        brain.retain(RetainRequest.of("team-support", "The VPN gateway moved to vpn2.example.com"),
                AstrocyteContext.of("agent:support"));
        ChatClient client = ChatClient.builder(model)
                .defaultAdvisors(AstrocyteMemoryAdvisor.builder(brain).resolver(USERS).build()).build();
        client.prompt().user("Where is the VPN gateway?").advisors(a -> a.param(BindingAttributes.PRINCIPAL,
                "agent:support").param(BindingAttributes.BANK, "team-support")).call().content();
        assertThat(model.lastSystem()).contains("vpn2.example.com");

        int before = model.prompts.size();
        assertThatThrownBy(() -> client.prompt().user("Who am I?").call().content())
                .isInstanceOf(AuthorizationException.class);
        assertThat(model.prompts).as("the model was never called").hasSize(before);
    }

    @Test
    void autoRetainGoesThroughThePolicyLayerForCallsAndStreams() {
        ChatClient client = ChatClient.builder(model).defaultAdvisors(AstrocyteMemoryAdvisor.builder(brain)
                .resolver(USERS).autoRetain(io.astrocyte.integration.AutoRetainMode.USER_FACTS).build()).build();
        ask(client, "alice", "I moved to Lisbon, write to alice@example.com");
        ask(client, "alice", "Where do I live?");
        assertThat(model.lastSystem()).contains("Lisbon");
        assertThat(texts("user-alice", ALICE, "Lisbon"))
                .containsExactly("I moved to Lisbon, write to [EMAIL_REDACTED]");
        ask(client, "alice", "Thanks! Book me a table for tonight. Also, I'm vegetarian.");
        assertThat(texts("user-alice", ALICE, "Where do I live? table vegetarian"))
                .as("questions, requests and small talk are not user facts")
                .containsExactlyInAnyOrder("I moved to Lisbon, write to [EMAIL_REDACTED]", "Also, I'm vegetarian.");

        ChatClient turns = ChatClient.builder(model).defaultAdvisors(AstrocyteMemoryAdvisor.builder(brain)
                .resolver(USERS).autoRetain(io.astrocyte.integration.AutoRetainMode.TURNS).build()).build();
        String streamed = String.join("", turns.prompt().user("My sister Ana lives in Porto")
                .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "bob")).stream().content().collectList().block());
        assertThat(streamed).isEqualTo("ECHO: My sister Ana lives in Porto");
        assertThat(texts("user-bob", BOB, "sister Ana Porto")).singleElement().asString()
                .isEqualTo("User: My sister Ana lives in Porto\nAssistant: ECHO: My sister Ana lives in Porto");
    }

    @Test
    void reflectModeAddsOneSynthesizedAnswer() {
        brain.retain(RetainRequest.of("user-alice", "Alice is allergic to peanuts"), ALICE);
        ChatClient client = ChatClient.builder(model).defaultAdvisors(AstrocyteMemoryAdvisor.builder(brain)
                .resolver(USERS).source(AstrocyteMemoryAdvisor.Source.REFLECT).template("MEMORY SAYS: {memories}")
                .build()).build();
        ask(client, "alice", "What is Alice allergic to?");
        assertThat(model.lastSystem()).startsWith("MEMORY SAYS: ").contains("peanuts");
    }

    @Test
    void itRunsAfterTheShortTermMemoryAdvisorAndTheDocumentRetrieverFeedsRag() {
        assertThat(AstrocyteMemoryAdvisor.DEFAULT_ORDER).isGreaterThan(Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER)
                .isLessThan(0);
        brain.retain(RetainRequest.of("user-alice", "Alice keeps bees on her roof"), ALICE);
        ChatMemory window = MessageWindowChatMemory.builder().maxMessages(10).build();
        ChatClient client = ChatClient.builder(model).defaultAdvisors(
                MessageChatMemoryAdvisor.builder(window).build(),
                RetrievalAugmentationAdvisor.builder().documentRetriever(AstrocyteDocumentRetriever.builder(brain)
                        .resolver(USERS).build()).build()).build();
        ask(client, "alice", "What does Alice keep on her roof?");
        String user = model.prompts.get(model.prompts.size() - 1).getUserMessage().getText();
        assertThat(user).contains("Alice keeps bees on her roof");
        ask(client, "bob", "What does Alice keep on her roof?");
        assertThat(model.prompts.get(model.prompts.size() - 1).getUserMessage().getText())
                .doesNotContain("bees");
    }
}
