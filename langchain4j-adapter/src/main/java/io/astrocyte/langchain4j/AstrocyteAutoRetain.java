package io.astrocyte.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceCompletedEvent;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.event.AiServiceStartedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import dev.langchain4j.observability.api.listener.AiServiceStartedListener;
import io.astrocyte.Astrocyte;
import io.astrocyte.integration.AutoRetainMode;
import io.astrocyte.integration.AutoRetainer;
import io.astrocyte.integration.MemoryComponentBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opt-in auto-retain of completed AI-service turns into long-term memory. Register its
 * {@link #listeners()} with {@code AiServices.builder(...).registerListeners(autoRetain.listeners())}: when
 * an invocation completes, what the {@link AutoRetainMode} keeps (by default the user's statements about
 * themselves; or the whole message, the final answer, or both) is retained
 * through the full policy layer, so the PII barrier, dedup, quotas and access control apply. The memory's
 * {@code session_id} metadata is the {@code @MemoryId}, when there is one.
 *
 * <p>Only completed invocations are retained; a failed one leaves nothing. Retaining is best effort: a
 * refusal or failure is logged ({@code WARN}) and never fails the AI-service call.
 */
public final class AstrocyteAutoRetain {

    /** Invocations in flight whose messages are kept; more than this and the oldest is dropped. */
    private static final int MAX_IN_FLIGHT = 10_000;

    private final LangChain4jBindings bindings;
    private final AutoRetainer retainer;
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

    private AstrocyteAutoRetain(MemoryComponentBuilder.Settings shared) {
        this.bindings = LangChain4jBindings.of(shared.binding(), shared.resolver());
        this.retainer = shared.retainer();
    }

    /**
     * Settings: binding or resolver, {@code autoRetain} (default {@link AutoRetainMode#USER_FACTS} here) and
     * {@code retainFilter}.
     */
    public static MemoryComponentBuilder.Of<AstrocyteAutoRetain> builder(Astrocyte brain) {
        return new MemoryComponentBuilder.Of<>(brain, 5, AstrocyteAutoRetain::new).autoRetain(AutoRetainMode.USER_FACTS);
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
        InvocationContext context = e.invocationContext();
        Object memoryId = context.chatMemoryId();
        String session = memoryId == null || LangChain4jBindings.LANGCHAIN4J_DEFAULT_MEMORY_ID.equals(memoryId) ? null
                : memoryId.toString();
        retainer.retain(new AutoRetainer.Turn(turn.user, turn.answer, session,
                "langchain4j:" + context.interfaceName() + "." + context.methodName()), () -> bindings.resolve(context));
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
}
