package io.astrocyte.integration;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ContentType;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.spi.VectorFilters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps what an {@link AutoRetainMode} says of completed turns, through the whole policy layer (PII barrier,
 * dedup, quotas, access control), and never fails the framework's call over it: a refusal is logged. Each
 * memory is tagged {@code auto_retain} and the mode, carries the conversation as {@code session_id} metadata
 * when the framework has one, and the framework's own source label.
 */
public final class AutoRetainer {

    /**
     * One completed turn as a framework saw it.
     *
     * @param userMessage the user's message text; may be {@code null}
     * @param answer      the model's final answer; may be {@code null}
     * @param sessionId   the conversation, for {@code session_id}; may be {@code null}
     * @param source      where it came from, e.g. {@code spring-ai:advisor}
     */
    public record Turn(String userMessage, String answer, String sessionId, String source) {
    }

    private final Astrocyte brain;
    private final AutoRetainMode mode;
    private final Predicate<String> filter;

    /** @param filter retains only texts it accepts, e.g. {@code t -> !t.endsWith("?")} */
    public AutoRetainer(Astrocyte brain, AutoRetainMode mode, Predicate<String> filter) {
        this.brain = Objects.requireNonNull(brain, "brain");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.filter = Objects.requireNonNull(filter, "filter");
    }

    public AutoRetainMode mode() {
        return mode;
    }

    /** The text the mode keeps of {@code turn}, if any (before the filter). */
    public Optional<String> content(Turn turn) {
        String user = turn.userMessage();
        String answer = turn.answer();
        String content = switch (mode) {
            case OFF -> null;
            case USER_FACTS -> user == null ? null : UserFacts.extract(user).orElse(null);
            case USER_MESSAGES -> user;
            case COMPLETIONS -> answer;
            case TURNS -> user == null || answer == null ? null : "User: " + user + "\nAssistant: " + answer;
        };
        return content == null || content.isBlank() ? Optional.empty() : Optional.of(content);
    }

    /**
     * Retains what the mode keeps of {@code turn} for the binding {@code binding} resolves (asked only when
     * there is something to keep); never throws.
     */
    public void retain(Turn turn, Supplier<ResolvedMemoryBinding> binding) {
        Optional<String> content = content(turn).filter(filter);
        if (content.isEmpty()) {
            return;
        }
        BoundMemory.retainQuietly(brain, binding, bank -> {
            RetainRequest.Builder request = RetainRequest.builder(bank, content.get())
                    .contentType(mode == AutoRetainMode.TURNS ? ContentType.CONVERSATION : ContentType.TEXT)
                    .tags(List.of("auto_retain", mode.tag())).source(turn.source());
            if (turn.sessionId() != null) {
                request.metadata(Map.of(VectorFilters.SESSION_ID_KEY, turn.sessionId()));
            }
            return request.build();
        }, "auto-retain");
    }
}
