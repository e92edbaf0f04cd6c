package io.astrocyte.integration;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.PiiRejectedException;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The memory tools' behaviour, shared by every framework adapter: each method runs one verb through the
 * facade (so the whole policy layer applies) for an already resolved binding and returns text for the model.
 * Refusals a model can act on (invalid input, PII, rate limit, access denied, not stored) come back as text;
 * anything else, notably a missing identity, propagates to the application.
 *
 * <p>Tool descriptions live here too so that the model sees the same guidance in every framework.
 */
public final class MemoryToolOperations {

    /** Description of the retain tool. */
    public static final String RETAIN_DESCRIPTION = "Saves one durable fact to long-term memory so it is available"
            + " in future conversations: preferences, decisions, personal details or commitments the user shares."
            + " Do not save small talk or facts that are only true for this moment.";
    /** Description of the retain tool's content parameter. */
    public static final String RETAIN_CONTENT = "the fact as one self-contained sentence, e.g. 'Alice is allergic"
            + " to peanuts'";
    /** Description of the recall tool. */
    public static final String RECALL_DESCRIPTION = "Searches long-term memory and returns the stored memories that"
            + " match, best first, with scores and ids. Use it to look up specific facts; use the memory reflect tool"
            + " instead when the question needs several memories combined into an answer.";
    /** Description of the recall tool's query parameter. */
    public static final String RECALL_QUERY = "what to look for, in plain words";
    /** Description of the reflect tool. */
    public static final String REFLECT_DESCRIPTION = "Answers a question from long-term memory by combining what is"
            + " remembered, e.g. 'What do I know about the user's travel plans?'. Use the memory recall tool instead"
            + " to see the raw memories.";
    /** Description of the reflect tool's question parameter. */
    public static final String REFLECT_QUESTION = "the question to answer from memory";
    /** Description of the forget tool. */
    public static final String FORGET_DESCRIPTION = "Forgets memories by id, when the user asks to have something"
            + " forgotten or a memory is wrong. Take the ids from the memory recall tool.";
    /** Description of an optional tags parameter of the retain tool. */
    public static final String RETAIN_TAGS = "optional comma-separated tags, e.g. 'preference,food'";
    /** Description of an optional result-count parameter of the recall tool. */
    public static final String RECALL_LIMIT = "how many memories at most";
    /** What the tools return, for frameworks that describe results. */
    public static final String RETAIN_RESULT = "whether and under which id the fact was saved";
    public static final String RECALL_RESULT = "the matching memories, one per line";
    public static final String REFLECT_RESULT = "an answer drawn from memory";
    public static final String FORGET_RESULT = "how many memories were forgotten";
    /** Description of the forget tool's ids parameter. */
    public static final String FORGET_IDS = "ids of the memories to forget, comma-separated";

    private final Astrocyte brain;
    private final int maxResults;

    /**
     * @param brain      the facade every call goes through
     * @param maxResults memories a recall returns at most
     */
    public MemoryToolOperations(Astrocyte brain, int maxResults) {
        this.brain = Objects.requireNonNull(brain, "brain");
        if (maxResults <= 0) {
            throw new IllegalArgumentException("maxResults must be positive, got " + maxResults);
        }
        this.maxResults = maxResults;
    }

    /**
     * Retains one fact in the binding's default bank.
     *
     * @param tags   tags for the memory; may be empty
     * @param source recorded as the memory's source, e.g. {@code tool:memory_retain}
     */
    public String retain(ResolvedMemoryBinding binding, String content, List<String> tags, String source) {
        return refusalAsText(() -> {
            BoundMemory memory = new BoundMemory(brain, binding);
            RetainRequest.Builder request = memory.retainRequest(content).source(source);
            if (tags != null && !tags.isEmpty()) {
                request.tags(tags);
            }
            RetainResult r = memory.retain(request);
            if (r.stored()) {
                return "Saved as memory " + r.memoryId() + ".";
            }
            return r.deduplicated() ? "Already known (memory " + r.memoryId() + "); nothing saved."
                    : "Not saved: " + r.error();
        });
    }

    /** Recalls from the binding's read banks; {@code limit <= 0} means the configured maximum. */
    public String recall(ResolvedMemoryBinding binding, String query, int limit) {
        int n = limit <= 0 ? maxResults : Math.min(limit, maxResults);
        return refusalAsText(() -> {
            return describe(new BoundMemory(brain, binding).recall(query, n, null).hits());
        });
    }

    /** Answers a question from the binding's read banks. */
    public String reflect(ResolvedMemoryBinding binding, String question) {
        return refusalAsText(() -> new BoundMemory(brain, binding).reflect(question, null).answer());
    }

    /** Forgets memories of the binding's default bank, given as a comma-separated id list. */
    public String forget(ResolvedMemoryBinding binding, String commaSeparatedIds) {
        List<String> ids = splitIds(commaSeparatedIds);
        if (ids.isEmpty()) {
            return "Invalid request: no memory ids given.";
        }
        return refusalAsText(() -> {
            int n = brain.forget(ForgetRequest.byIds(binding.defaultBank(), ids), binding.context()).deletedCount();
            return "Forgot " + n + (n == 1 ? " memory." : " memories.");
        });
    }

    /** Splits "a, b,,c" into [a, b, c]; also used for tag lists a model passes as one string. */
    public static List<String> splitIds(String commaSeparated) {
        List<String> out = new ArrayList<>();
        if (commaSeparated != null) {
            for (String id : commaSeparated.split(",")) {
                if (!id.isBlank()) {
                    out.add(id.strip());
                }
            }
        }
        return out;
    }

    /** "Found N memories:" then one line per hit with score, text, id and date. */
    public static String describe(List<MemoryHit> hits) {
        if (hits.isEmpty()) {
            return "No memories found.";
        }
        StringBuilder out = new StringBuilder("Found ").append(hits.size())
                .append(hits.size() == 1 ? " memory:" : " memories:");
        int i = 1;
        for (MemoryHit h : hits) {
            out.append('\n').append(i++).append(". [").append(String.format(Locale.ROOT, "%.2f", h.score()))
                    .append("] ").append(h.text()).append(" (id ").append(h.memoryId());
            if (h.occurredAt() != null) {
                out.append(", ").append(h.occurredAt().toString(), 0, 10);
            }
            out.append(')');
        }
        return out.toString();
    }

    /**
     * Memories as a block for a prompt: one {@code "- text (yyyy-mm-dd)"} line each, no header; used where
     * recalled memories are put into a model's context rather than answered to a tool call.
     */
    public static String bulletList(List<MemoryHit> hits) {
        StringBuilder out = new StringBuilder();
        for (MemoryHit h : hits) {
            out.append(out.length() == 0 ? "" : "\n").append("- ").append(h.text());
            if (h.occurredAt() != null) {
                out.append(" (").append(h.occurredAt().toString(), 0, 10).append(')');
            }
        }
        return out.toString();
    }

    private static String refusalAsText(Supplier<String> call) {
        try {
            return call.get();
        } catch (InvalidRequestException e) {
            return "Invalid request: " + e.getMessage();
        } catch (RateLimitedException e) {
            return "Memory is busy: " + e.getMessage();
        } catch (AccessDeniedException e) {
            return "Not allowed: " + e.getMessage();
        } catch (PiiRejectedException e) {
            return "Not saved: the content contains personal data this memory may not hold ("
                    + String.join(", ", e.piiTypes()) + ").";
        }
    }
}
