package io.astrocyte.semantickernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.plugin.KernelPluginFactory;
import com.microsoft.semantickernel.semanticfunctions.KernelFunction;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.services.textcompletion.TextGenerationService;
import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The plugin and hooks inside a real Semantic Kernel {@link Kernel}, with a deterministic test text service. */
class KernelMemoryTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");

    private final Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
            .embedder(new HashingEmbedder(256)).build();
    private final EchoTextService text = new EchoTextService();

    @AfterEach
    void close() {
        brain.close();
    }

    private Kernel kernel(AstrocytePlugin plugin) {
        return Kernel.builder().withAIService(TextGenerationService.class, text)
                .withPlugin(KernelPluginFactory.createFromObject(plugin, "memory")).build();
    }

    private static String call(Kernel kernel, String function, KernelFunctionArguments args) {
        return kernel.<String>invokeAsync("memory", function).withArguments(args).block().getResult();
    }

    private static KernelFunctionArguments args(Object... pairs) {
        KernelFunctionArguments.Builder b = KernelFunctionArguments.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.withVariable((String) pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    private List<String> texts(String bank, AstrocyteContext who) {
        return brain.recall(RecallRequest.builder("anything at all").bankId(bank).maxResults(20).build(), who).hits()
                .stream().map(MemoryHit::text).toList();
    }

    @Test
    void functionsRunThroughTheKernelAndBoundPluginsAreIsolated() {
        Kernel alice = kernel(AstrocytePlugin.builder(brain).binding(ResolvedMemoryBinding.of(ALICE, "user-alice"))
                .build());
        Kernel bob = kernel(AstrocytePlugin.builder(brain).binding(ResolvedMemoryBinding.of(BOB, "user-bob")).build());

        assertThat(call(alice, "retain", args("content", "Alice drinks oolong tea", "tags", "preference,drink")))
                .startsWith("Saved as memory ");
        assertThat(call(alice, "recall", args("query", "what tea does Alice drink", "maxResults", 3)))
                .startsWith("Found 1 memory:").contains("Alice drinks oolong tea").contains("(id ");
        assertThat(call(alice, "reflect", args("query", "What does Alice drink?"))).contains("oolong");
        assertThat(call(bob, "recall", args("query", "what tea does Alice drink"))).isEqualTo("No memories found.");
        assertThat(brain.recall(RecallRequest.of("user-alice", "tea"), ALICE).hits()).singleElement()
                .satisfies(h -> assertThat(h.tags()).containsExactly("preference", "drink"));
        assertThat(texts("user-bob", BOB)).isEmpty();
    }

    @Test
    void identityFromKernelArgumentsOrTheResolverAndAClearErrorWithoutOne() {
        Kernel kernel = kernel(AstrocytePlugin.builder(brain)
                .resolver(MemoryBindingResolver.conversationIdAsUser("user-")).build());
        call(kernel, "retain", args("content", "Bob's desk is on floor 4", "principal", "user:bob", "bank", "user-bob"));
        call(kernel, "retain", args("content", "Alice's desk is on floor 2", "conversation_id", "alice"));
        assertThat(texts("user-bob", BOB)).containsExactly("Bob's desk is on floor 4");
        assertThat(texts("user-alice", ALICE)).containsExactly("Alice's desk is on floor 2");

        assertIdentityRefused(() -> call(kernel, "recall", args("query", "desk")));
        assertThat(texts("user-bob", BOB)).hasSize(1);
    }

    /** The call fails with AuthorizationException (Semantic Kernel may wrap it), naming how to fix it. */
    private static void assertIdentityRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).satisfies(t -> {
            Throwable c = t;
            while (c != null && !(c instanceof AuthorizationException)) {
                c = c.getCause();
            }
            assertThat(c).isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("the kernel arguments principal and bank");
        });
    }

    @Test
    void forgetExistsOnlyWhenAllowed() {
        Kernel plain = kernel(AstrocytePlugin.builder(brain).binding(ResolvedMemoryBinding.of(ALICE, "user-alice"))
                .build());
        assertThat(plain.getPlugin("memory").getFunctions()).containsOnlyKeys("retain", "recall", "reflect");

        Kernel withForget = kernel(AstrocytePlugin.builder(brain).allowForget(true)
                .binding(ResolvedMemoryBinding.of(ALICE, "user-alice")).build());
        assertThat(withForget.getPlugin("memory").getFunctions()).containsOnlyKeys("retain", "recall", "reflect",
                "forget");
        String id = brain.retain(RetainRequest.of("user-alice", "Alice's old phone PIN hint"), ALICE).memoryId();
        assertThat(call(withForget, "forget", args("memoryIds", id))).isEqualTo("Forgot 1 memory.");
        assertThat(texts("user-alice", ALICE)).isEmpty();
    }

    private Kernel kernelWithHooks(AstrocyteKernelHooks hooks) {
        Kernel kernel = Kernel.builder().withAIService(TextGenerationService.class, text).build();
        kernel.getGlobalKernelHooks().addHooks(hooks.hooks());
        return kernel;
    }

    private static String prompt(Kernel kernel, String template, KernelFunctionArguments args) {
        KernelFunction<String> f = KernelFunction.<String>createFromPrompt(template).build();
        return kernel.invokeAsync(f).withArguments(args).block().getResult();
    }

    @Test
    void recallHooksPutTheRightUsersMemoriesIntoThePrompt() {
        brain.retain(RetainRequest.of("user-alice", "Alice is training for the Lisbon marathon"), ALICE);
        brain.retain(RetainRequest.of("user-bob", "Bob is training for a chess tournament"), BOB);
        Kernel kernel = kernelWithHooks(AstrocyteKernelHooks.builder(brain)
                .resolver(MemoryBindingResolver.conversationIdAsUser("user-")).recall(true).build());

        String answer = prompt(kernel, "Question: {{$input}}", args("input", "What am I training for?",
                "conversation_id", "alice"));
        assertThat(answer).isEqualTo("ECHO: Question: What am I training for?");
        assertThat(text.lastPrompt()).startsWith("Long-term memory about this user")
                .contains("- Alice is training for the Lisbon marathon").doesNotContain("chess");

        prompt(kernel, "Known:\n{{$memories}}\nQuestion: {{$input}}", args("input", "What am I training for?",
                "conversation_id", "bob"));
        assertThat(text.lastPrompt()).as("a template that places the memories itself gets them once")
                .startsWith("Known:\n- Bob is training for a chess tournament").doesNotContain("Long-term memory")
                .doesNotContain("marathon");

        assertIdentityRefused(() -> prompt(kernel, "Question: {{$input}}", args("input", "Who am I?")));
        assertThat(text.prompts).as("refused before the model was called").hasSize(2);
    }

    @Test
    void autoRetainHookKeepsTurnsThroughThePolicyLayer() {
        Kernel kernel = kernelWithHooks(AstrocyteKernelHooks.builder(brain)
                .resolver(MemoryBindingResolver.conversationIdAsUser("user-"))
                .autoRetain(io.astrocyte.integration.AutoRetainMode.USER_MESSAGES).build());
        prompt(kernel, "Note: {{$input}}", args("input", "My email is carol@example.com and I like jazz",
                "conversation_id", "carol"));
        assertThat(texts("user-carol", AstrocyteContext.of("user:carol"))).singleElement().satisfies(t ->
                assertThat(t).contains("I like jazz").doesNotContain("carol@example.com"));

        Kernel plugins = kernel(AstrocytePlugin.builder(brain).binding(ResolvedMemoryBinding.of(ALICE, "user-alice"))
                .build());
        plugins.getGlobalKernelHooks().addHooks(AstrocyteKernelHooks.builder(brain)
                .binding(ResolvedMemoryBinding.of(ALICE, "user-alice")).autoRetain(io.astrocyte.integration.AutoRetainMode.TURNS)
                .build().hooks());
        call(plugins, "recall", args("query", "jazz"));
        assertThat(texts("user-alice", ALICE)).as("native functions, like the memory plugin's, are not retained")
                .isEmpty();
    }

    @Test
    void userFactsAutoRetainKeepsOnlyWhatTheUserSaysAboutThemselves() {
        Kernel kernel = kernelWithHooks(AstrocyteKernelHooks.builder(brain)
                .resolver(MemoryBindingResolver.conversationIdAsUser("user-"))
                .autoRetain(io.astrocyte.integration.AutoRetainMode.USER_FACTS).build());
        prompt(kernel, "Answer: {{$input}}", args("input", "What is my favourite colour?", "conversation_id", "dan"));
        prompt(kernel, "Answer: {{$input}}", args("input", "Thanks! By the way, I love teal. Suggest a scarf?",
                "conversation_id", "dan"));
        assertThat(texts("user-dan", AstrocyteContext.of("user:dan"))).containsExactly("By the way, I love teal.");
        MemoryHit kept = brain.recall(RecallRequest.builder("teal").bankId("user-dan").build(),
                AstrocyteContext.of("user:dan")).hits().get(0);
        assertThat(kept.metadata()).as("the conversation travels as session_id, as in the other frameworks")
                .containsEntry("session_id", "dan");
        assertThat(kept.tags()).containsExactly("auto_retain", "user_facts");
    }
}
