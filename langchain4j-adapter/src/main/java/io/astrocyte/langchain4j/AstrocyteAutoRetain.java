package io.astrocyte.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceErrorEvent;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import io.astrocyte.Astrocyte;
import io.astrocyte.AstrocyteException;
import io.astrocyte.api.ContentType;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.integration.UserFacts;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.spi.VectorFilters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-in auto-retain of completed AI-service turns into long-term memory. Register its
 * {@link #listeners()} with {@code AiServices.builder(...).registerListeners(autoRetain.listeners())}: when
 * an invocation completes, the user's message, the final answer, or both (see {@link Mode}) are retained
 * through the full policy layer, so the PII barrier, dedup, quotas and access control apply. The memory's
 * {@code session_id} metadata is the {@code @MemoryId}, when there is one.
 *
 * <p>Only completed invocations are retained; a failed one leaves nothing. Retaining is best effort: a
 * refusal or failure is logged ({@code WARN}) and never fails the AI-service call.
 */
public final class AstrocyteAutoRetain {

    /** What a completed turn contributes to memory. */
    public enum Mode {
        /**
         * The sentences of the user's message that state something about the user (default); questions,
         * requests and small talk are dropped by {@link UserFacts}, the rules every adapter shares.
         */
        USER_FACTS,
        /** The model's final answer only. */
        COMPLETIONS,
        /** Both, as one conversation memory ({@code User: …} / {@code Assistant: …}). */
        TURNS
    }

    private static final Logger LOG = LoggerFactory.getLogger(AstrocyteAutoRetain.class);
    /** Invocations in flight whose messages are kept; more than this and the oldest is dropped. */
    private static final int MAX_IN_FLIGHT = 10_000;

    private final Astrocyte brain;
    private final BindingChain bindings;
    private final Mode mode;
    private final Predicate<String> filter;
    private final Map<UUID, Turn> inFlight = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Turn> eldest) {
            return size() > MAX_IN_FLIGHT;
        }
    });

    private static final class Turn {
        volatile String user;
        volatile String answer;
    }

    private AstrocyteAutoRetain(Builder b) {
        this.brain = b.brain;
        this.bindings = BindingChain.of(b.binding, b.resolver);
        this.mode = b.mode;
        this.filter = b.filter;
    }

    public static Builder builder(Astrocyte brain) {
        return new Builder(brain);
    }

    /** The listeners to register with the AI service. */
    public List<AiServiceListener<?>> listeners() {
        return List.of((AiServiceStartedListener) this::started,
                (AiServiceResponseReceivedListener) this::responseReceived,
                (AiServiceCompletedListener) this::completed,
                (AiServiceErrorListener) e -> inFlight.remove(e.invocationContext().invocationId()));
    }

    private void started(AiServiceStartedEvent e) {
        Turn turn = new Turn();
        turn.user = text(e.userMessage());
        inFlight.put(e.invocationContext().invocationId(), turn);
    }

    private void responseReceived(AiServiceResponseReceivedEvent e) {
        Turn turn = inFlight.get(e.invocationContext().invocationId());
        AiMessage ai = e.response() == null ? null : e.response().aiMessage();
        if (turn != null && ai != null && !ai.hasToolExecutionRequests() && ai.text() != null) {
            turn.answer = ai.text(); // the last answer without tool requests is the final one
        }
    }

    private void completed(AiServiceCompletedEvent e) {
        Turn turn = inFlight.remove(e.invocationContext().invocationId());
        if (turn == null) {
            return;
        }
        String content = switch (mode) {
            case USER_FACTS -> turn.user == null ? null : UserFacts.extract(turn.user).orElse(null);
            case COMPLETIONS -> turn.answer;
            case TURNS -> turn.user == null || turn.answer == null ? null
                    : "User: " + turn.user + "\nAssistant: " + turn.answer;
        };
        if (content == null || content.isBlank() || !filter.test(content)) {
            return;
        }
        retain(e.invocationContext(), content);
    }

    private void retain(InvocationContext context, String content) {
        try {
            ResolvedMemoryBinding b = bindings.resolve(context);
            RetainRequest.Builder request = RetainRequest.builder(b.defaultBank(), content)
                    .contentType(mode == Mode.TURNS ? ContentType.CONVERSATION : ContentType.TEXT)
                    .tags(List.of("auto_retain", mode.name().toLowerCase(java.util.Locale.ROOT)))
                    .source("langchain4j:" + context.interfaceName() + "." + context.methodName());
            Object memoryId = context.chatMemoryId();
            if (memoryId != null && !BindingChain.LANGCHAIN4J_DEFAULT_MEMORY_ID.equals(memoryId)) {
                request.metadata(Map.of(VectorFilters.SESSION_ID_KEY, memoryId.toString()));
            }
            RetainResult r = brain.retain(request.build(), b.context());
            if (!r.stored() && !r.deduplicated()) {
                LOG.warn("auto-retain into {} not stored: {}", b.defaultBank(), r.error());
            }
        } catch (AstrocyteException e) {
            LOG.warn("auto-retain refused: {}", e.getMessage());
        }
    }

    private static String text(UserMessage message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (dev.langchain4j.data.message.Content c : message.contents()) {
            if (c instanceof TextContent t) {
                out.append(out.isEmpty() ? "" : "\n").append(t.text());
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** Settings of {@link AstrocyteAutoRetain}. */
    public static final class Builder {
        private final Astrocyte brain;
        private ResolvedMemoryBinding binding;
        private MemoryBindingResolver resolver;
        private Mode mode = Mode.USER_FACTS;
        private Predicate<String> filter = text -> true;

        private Builder(Astrocyte brain) {
            this.brain = Objects.requireNonNull(brain, "brain");
        }

        public Builder binding(ResolvedMemoryBinding value) {
            this.binding = value;
            return this;
        }

        public Builder resolver(MemoryBindingResolver value) {
            this.resolver = value;
            return this;
        }

        public Builder mode(Mode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** Retains only texts this accepts, e.g. {@code text -> !text.endsWith("?")} to skip questions. */
        public Builder filter(Predicate<String> value) {
            this.filter = Objects.requireNonNull(value, "filter");
            return this;
        }

        public AstrocyteAutoRetain build() {
            return new AstrocyteAutoRetain(this);
        }
    }
}
