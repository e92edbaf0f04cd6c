package io.astrocyte.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;
import dev.langchain4j.invocation.InvocationParameters;
import io.astrocyte.Astrocyte;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Memory as tools the model can call: {@code memory_retain}, {@code memory_recall}, {@code memory_reflect}
 * and, only when allowed, {@code memory_forget}. Register {@link #tools()} with
 * {@code AiServices.builder(...).tools(memoryTools.tools())}. Each call is bound per {@link BindingChain}
 * from the {@code @MemoryId} and invocation parameters; the model never chooses the identity or the bank.
 * Results are short texts for the model. Refusals the model can act on (bad input, not stored, rate
 * limited, access denied) come back as text; a call without any identity throws.
 */
public final class AstrocyteMemoryTools {

    private final Astrocyte brain;
    private final BindingChain bindings;
    private final int maxResults;
    private final boolean allowForget;

    private AstrocyteMemoryTools(Builder b) {
        this.brain = b.brain;
        this.bindings = BindingChain.of(b.binding, b.resolver);
        this.maxResults = b.maxResults;
        this.allowForget = b.allowForget;
    }

    public static Builder builder(Astrocyte brain) {
        return new Builder(brain);
    }

    /** The tool objects to register: this one, plus the forget tool when allowed. */
    public List<Object> tools() {
        return allowForget ? List.of(this, new ForgetTool()) : List.of(this);
    }

    @Tool(name = "memory_retain", value = "Saves one durable fact to long-term memory so it is available in "
            + "future conversations: preferences, decisions, personal details or commitments the user shares. "
            + "Do not save small talk or facts that are only true for this moment.")
    public String retain(@P("the fact as one self-contained sentence, e.g. 'Alice is allergic to peanuts'")
            String content, @ToolMemoryId Object memoryId, InvocationParameters parameters) {
        ResolvedMemoryBinding b = bindings.resolve(memoryId, parameters);
        return refusalAsText(() -> {
            RetainResult r = brain.retain(RetainRequest.builder(b.defaultBank(), content).source("tool:memory_retain")
                    .build(), b.context());
            if (r.stored()) {
                return "Saved as memory " + r.memoryId() + ".";
            }
            return r.deduplicated() ? "Already known (memory " + r.memoryId() + "); nothing saved."
                    : "Not saved: " + r.error();
        });
    }

    @Tool(name = "memory_recall", value = "Searches long-term memory and returns the stored memories that match, "
            + "best first, with scores and ids. Use it to look up specific facts; use memory_reflect instead when "
            + "the question needs several memories combined into an answer.")
    public String recall(@P("what to look for, in plain words") String query, @ToolMemoryId Object memoryId,
            InvocationParameters parameters) {
        ResolvedMemoryBinding b = bindings.resolve(memoryId, parameters);
        return refusalAsText(() -> {
            RecallResult r = brain.recall(RecallRequest.builder(query).banks(b.readBanks()).strategy(b.strategy())
                    .maxResults(maxResults).build(), b.context());
            return describe(r.hits());
        });
    }

    @Tool(name = "memory_reflect", value = "Answers a question from long-term memory by combining what is "
            + "remembered, e.g. 'What do I know about the user's travel plans?'. Use memory_recall instead to "
            + "see the raw memories.")
    public String reflect(@P("the question to answer from memory") String question, @ToolMemoryId Object memoryId,
            InvocationParameters parameters) {
        ResolvedMemoryBinding b = bindings.resolve(memoryId, parameters);
        return refusalAsText(() -> brain.reflect(ReflectRequest.builder(question).banks(b.readBanks())
                .strategy(b.strategy()).build(), b.context()).answer());
    }

    /** "Found N memories: …", one line each with score, id and date. */
    static String describe(List<MemoryHit> hits) {
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

    /** Runs a memory call, turning refusals the model can act on into text; identity errors propagate. */
    private static String refusalAsText(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (InvalidRequestException e) {
            return "Invalid request: " + e.getMessage();
        } catch (io.astrocyte.RateLimitedException e) {
            return "Memory is busy: " + e.getMessage();
        } catch (io.astrocyte.AccessDeniedException e) {
            return "Not allowed: " + e.getMessage();
        } catch (io.astrocyte.PiiRejectedException e) {
            return "Not saved: the content contains personal data this memory may not hold ("
                    + String.join(", ", e.piiTypes()) + ").";
        }
    }

    /** {@code memory_forget}: registered only when the builder allows it. */
    public final class ForgetTool {

        private ForgetTool() {
        }

        @Tool(name = "memory_forget", value = "Forgets memories by id, when the user asks to have something "
                + "forgotten or a memory is wrong. Take the ids from memory_recall.")
        public String forget(@P("ids of the memories to forget, comma-separated") String memoryIds,
                @ToolMemoryId Object memoryId, InvocationParameters parameters) {
            ResolvedMemoryBinding b = bindings.resolve(memoryId, parameters);
            List<String> ids = new ArrayList<>();
            for (String id : Arrays.asList(memoryIds == null ? new String[0] : memoryIds.split(","))) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
            if (ids.isEmpty()) {
                return "Invalid request: no memory ids given.";
            }
            return refusalAsText(() -> {
                int n = brain.forget(ForgetRequest.byIds(b.defaultBank(), ids), b.context()).deletedCount();
                return "Forgot " + n + (n == 1 ? " memory." : " memories.");
            });
        }
    }

    /** Settings of {@link AstrocyteMemoryTools}. */
    public static final class Builder {
        private final Astrocyte brain;
        private ResolvedMemoryBinding binding;
        private MemoryBindingResolver resolver;
        private int maxResults = 5;
        private boolean allowForget;

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

        /** Memories {@code memory_recall} returns (default 5). */
        public Builder maxResults(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxResults must be positive, got " + value);
            }
            this.maxResults = value;
            return this;
        }

        /** Offers {@code memory_forget} to the model (default off). */
        public Builder allowForget(boolean value) {
            this.allowForget = value;
            return this;
        }

        public AstrocyteMemoryTools build() {
            return new AstrocyteMemoryTools(this);
        }
    }
}
