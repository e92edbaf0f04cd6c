package io.astrocyte.springai;

import io.astrocyte.integration.MemoryPreamble;
import io.astrocyte.integration.BoundMemory;
import io.astrocyte.integration.AutoRetainer;
import io.astrocyte.integration.AutoRetainMode;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.MemoryComponentBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.chat.client.ChatClientMessageAggregator;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.client.advisor.api.AdvisorChain;
import org.springframework.ai.chat.client.advisor.api.BaseAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.UserMessage;
import reactor.core.publisher.Flux;

/**
 * Long-term memory for a Spring AI {@code ChatClient}: before the model call it recalls (or reflects) on
 * the caller's banks for the user message and adds what it finds to the system message; after the call
 * it can retain the turn. Add it with {@code ChatClient.builder(model).defaultAdvisors(advisor)} and pass
 * the identity per request:
 *
 * <pre>{@code
 * chatClient.prompt().user(question)
 *         .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, userId))   // with a resolver such as conversationIdAsUser
 *         .call().content();
 * // or explicitly: a.param("astrocyte.principal", "user:alice").param("astrocyte.bank", "user-alice")
 * }</pre>
 *
 * <p><b>Order.</b> {@link #DEFAULT_ORDER} is {@link Advisor#DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER} + 50: it
 * runs after Spring AI's {@code MessageChatMemoryAdvisor} (+0, so the short-term window is already in the
 * prompt), outside the tool-calling loop of {@code ToolCallingAdvisor} (+100, so memory is recalled once per
 * call, not once per tool round) and before RAG advisors such as {@code RetrievalAugmentationAdvisor} and
 * {@code QuestionAnswerAdvisor} (default order 0).
 *
 * <p><b>Identity.</b> Fixed binding → advisor parameters ({@code astrocyte.principal}, {@code astrocyte.bank},
 * …) → the {@link MemoryBindingResolver}, which sees {@code chat_memory_conversation_id}; otherwise the
 * call fails with {@link io.astrocyte.AuthorizationException} before the model is called.
 *
 * <p><b>Auto-retain</b> is off by default. It goes through the policy layer (PII, dedup, quotas); a refusal
 * is logged and never fails the chat call. Streams are aggregated first, so the whole answer is retained.
 * The recalled memories are left in the response context under {@link #RECALLED_MEMORIES}.
 */
public final class AstrocyteMemoryAdvisor implements BaseAdvisor {

    /** Where the memory goes from. */
    public enum Source {
        /** The matching memories themselves (default). */
        RECALL,
        /** One answer synthesized from memory. */
        REFLECT
    }

    public static final int DEFAULT_ORDER = Advisor.DEFAULT_CHAT_MEMORY_PRECEDENCE_ORDER + 50;
    /** Context key with the {@code List<MemoryHit>} added to the prompt. */
    public static final String RECALLED_MEMORIES = "astrocyte.recalled_memories";
    /** Default system-message addition; {@code {memories}} is replaced by one line per memory. */
    public static final String DEFAULT_TEMPLATE = MemoryPreamble.DEFAULT_TEMPLATE;

    private static final String USER_TEXT = "astrocyte.user_text";
    private static final String NO_MEMORY_ANSWER = "I don't have any relevant memories to answer this question.";

    private final Astrocyte brain;
    private final SpringAiBindings bindings;
    private final Source source;
    private final int maxResults;
    private final Integer maxTokens;
    private final String template;
    private final AutoRetainer retainer;
    private final int order;

    private AstrocyteMemoryAdvisor(Builder b) {
        this.brain = b.shared.brain();
        this.bindings = new SpringAiBindings(b.shared.binding(), b.shared.resolver());
        this.source = b.source;
        this.maxResults = b.shared.maxResults();
        this.maxTokens = b.shared.maxTokens();
        this.template = b.template;
        this.retainer = b.shared.retainer();
        this.order = b.order;
    }

    public static Builder builder(Astrocyte brain) {
        return new Builder(brain);
    }

    @Override
    public String getName() {
        return "AstrocyteMemoryAdvisor";
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public ChatClientRequest before(ChatClientRequest request, AdvisorChain chain) {
        ResolvedMemoryBinding binding = bindings.resolve(request.context());
        UserMessage user = request.prompt().getUserMessage();
        String text = user == null ? null : user.getText();
        if (text == null || text.isBlank()) {
            return request.mutate().context(SpringAiBindings.RESOLVED, binding).build();
        }
        String block;
        List<MemoryHit> hits;
        BoundMemory memory = new BoundMemory(brain, binding);
        if (source == Source.REFLECT) {
            var reflected = memory.reflect(text, maxTokens);
            hits = reflected.sources() == null ? List.of() : reflected.sources();
            block = reflected.answer() == null || reflected.answer().isBlank()
                    || reflected.answer().equals(NO_MEMORY_ANSWER) ? null : reflected.answer();
        } else {
            hits = memory.recall(text, maxResults, maxTokens).hits();
            block = hits.isEmpty() ? null : MemoryPreamble.lines(hits);
        }
        ChatClientRequest.Builder out = request.mutate().context(USER_TEXT, text).context(RECALLED_MEMORIES, hits)
                .context(SpringAiBindings.RESOLVED, binding);
        if (block != null) {
            String addition = MemoryPreamble.render(template, block);
            out.prompt(request.prompt().augmentSystemMessage(system -> system.mutate()
                    .text(system.getText() == null || system.getText().isBlank() ? addition
                            : system.getText() + "\n\n" + addition).build()));
        }
        return out.build();
    }

    @Override
    public ChatClientResponse after(ChatClientResponse response, AdvisorChain chain) {
        if (retainer.mode() != AutoRetainMode.OFF) {
            retain(response);
        }
        return response;
    }

    /**
     * Resolves the identity on the calling thread (thread-bound scopes are gone once Reactor switches
     * threads), then recalls on Reactor's scheduler; aggregates the stream before {@link #after}, so
     * auto-retain sees the whole answer.
     */
    @Override
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
        ChatClientRequest bound;
        try {
            bound = request.mutate().context(SpringAiBindings.RESOLVED, bindings.resolve(request.context())).build();
        } catch (RuntimeException e) {
            return Flux.error(e);
        }
        return Flux.just(bound).publishOn(getScheduler()).map(r -> before(r, chain))
                .flatMap(chain::nextStream)
                .transform(flux -> new ChatClientMessageAggregator().aggregateChatClientResponse(flux,
                        aggregated -> after(aggregated, chain)));
    }

    private void retain(ChatClientResponse response) {
        Map<String, Object> context = response.context();
        String answer = response.chatResponse() == null || response.chatResponse().getResult() == null ? null
                : response.chatResponse().getResult().getOutput().getText();
        Object conversation = context.get(ChatMemory.CONVERSATION_ID);
        retainer.retain(new AutoRetainer.Turn((String) context.get(USER_TEXT), answer,
                conversation == null ? null : conversation.toString(), "spring-ai:advisor"),
                () -> bindings.resolve(context));
    }

    /** Settings of an {@link AstrocyteMemoryAdvisor}. */
    public static final class Builder extends MemoryComponentBuilder<Builder> {
        private Source source = Source.RECALL;
        private String template = DEFAULT_TEMPLATE;
        private int order = DEFAULT_ORDER;

        private Builder(Astrocyte brain) {
            super(brain, 5);
        }

        private Settings shared;

        public Builder source(Source value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /** The system-message addition; must contain {@code {memories}}. */
        public Builder template(String value) {
            this.template = MemoryPreamble.checkTemplate(value);
            return this;
        }

        public Builder order(int value) {
            this.order = value;
            return this;
        }

        public AstrocyteMemoryAdvisor build() {
            shared = settings();
            return new AstrocyteMemoryAdvisor(this);
        }
    }
}
