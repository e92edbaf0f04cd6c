package io.astrocyte.springai;

import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.MemoryComponentBuilder;
import io.astrocyte.integration.MemoryToolOperations;
import java.util.List;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;

/**
 * Memory as Spring AI tools: {@code memory_retain}, {@code memory_recall}, {@code memory_reflect} and,
 * only when allowed, {@code memory_forget}. Register {@link #tools()} with
 * {@code chatClient.prompt().tools(memoryTools.tools().toArray())} (or {@code defaultTools}). The identity
 * comes from the {@link ToolContext} — {@code .toolContext(Map.of("astrocyte.principal", …,
 * "astrocyte.bank", …))} or {@code chat_memory_conversation_id} for the resolver — never from the model.
 * With a fixed {@link MemoryComponentBuilder#binding binding} no tool context is needed. Refusals the model can act on
 * come back as text, unquoted. A call without any identity throws {@link AuthorizationException}; Spring AI
 * by default turns tool exceptions into a message for the model, so to make a wiring mistake fail the chat
 * call instead, build the tool-calling manager with {@link #exceptionProcessor()}. (A request with no tool
 * context at all is refused by Spring AI itself before the tool runs.)
 */
public final class AstrocyteMemoryTools {

    private static final String TAGS = "optional comma-separated tags, e.g. 'preference,food'";

    private final MemoryToolOperations operations;
    private final SpringAiBindings bindings;
    private final boolean allowForget;
    private final boolean fixed;

    private AstrocyteMemoryTools(MemoryComponentBuilder.Settings shared) {
        this.fixed = shared.binding() != null;
        this.operations = new MemoryToolOperations(shared.brain(), shared.maxResults());
        this.bindings = new SpringAiBindings(shared.binding(), shared.resolver());
        this.allowForget = shared.allowForget();
    }

    /**
     * Spring AI's default tool-exception handling, except that a missing or unresolvable identity
     * ({@link AuthorizationException}) propagates to the caller of the chat call instead of being shown to the
     * model: {@code DefaultToolCallingManager.builder().toolExecutionExceptionProcessor(
     * AstrocyteMemoryTools.exceptionProcessor())}.
     */
    public static ToolExecutionExceptionProcessor exceptionProcessor() {
        return DefaultToolExecutionExceptionProcessor.builder().rethrowExceptions(List.of(
                AuthorizationException.class)).build();
    }

    /** Settings: binding or resolver, {@code maxResults} (default 5), {@code maxTokens}, {@code allowForget}. */
    public static MemoryComponentBuilder.Of<AstrocyteMemoryTools> builder(Astrocyte brain) {
        return new MemoryComponentBuilder.Of<>(brain, 5, AstrocyteMemoryTools::new);
    }

    /**
     * The tool objects to register: the retain/recall/reflect tools, plus the forget tool when allowed. With a
     * fixed binding they take no {@link ToolContext}; otherwise they read the identity from it.
     */
    public List<Object> tools() {
        if (fixed) {
            return allowForget ? List.of(new BoundTools(), new BoundForgetTool()) : List.of(new BoundTools());
        }
        return allowForget ? List.of(this, new ForgetTool()) : List.of(this);
    }

    @Tool(name = "memory_retain", description = MemoryToolOperations.RETAIN_DESCRIPTION,
            resultConverter = PlainTextResult.class)
    public String retain(@ToolParam(description = MemoryToolOperations.RETAIN_CONTENT) String content,
            @ToolParam(required = false, description = TAGS) String tags, ToolContext toolContext) {
        return operations.retain(resolve(toolContext), content, MemoryToolOperations.splitIds(tags),
                "tool:memory_retain");
    }

    @Tool(name = "memory_recall", description = MemoryToolOperations.RECALL_DESCRIPTION,
            resultConverter = PlainTextResult.class)
    public String recall(@ToolParam(description = MemoryToolOperations.RECALL_QUERY) String query,
            ToolContext toolContext) {
        return operations.recall(resolve(toolContext), query, 0);
    }

    @Tool(name = "memory_reflect", description = MemoryToolOperations.REFLECT_DESCRIPTION,
            resultConverter = PlainTextResult.class)
    public String reflect(@ToolParam(description = MemoryToolOperations.REFLECT_QUESTION) String question,
            ToolContext toolContext) {
        return operations.reflect(resolve(toolContext), question);
    }

    private ResolvedMemoryBinding resolve(ToolContext toolContext) {
        return bindings.resolve(toolContext == null ? null : toolContext.getContext());
    }

    /** {@code memory_forget}: registered only when the builder allows it. */
    public final class ForgetTool {

        private ForgetTool() {
        }

        @Tool(name = "memory_forget", description = MemoryToolOperations.FORGET_DESCRIPTION,
                resultConverter = PlainTextResult.class)
        public String forget(@ToolParam(description = MemoryToolOperations.FORGET_IDS) String memoryIds,
                ToolContext toolContext) {
            return operations.forget(resolve(toolContext), memoryIds);
        }
    }

    /**
     * The same tools for a fixed binding. Spring AI refuses to call a method that takes a
     * {@link ToolContext} when the request has none, so these take no context at all.
     */
    public final class BoundTools {

        private BoundTools() {
        }

        @Tool(name = "memory_retain", description = MemoryToolOperations.RETAIN_DESCRIPTION,
                resultConverter = PlainTextResult.class)
        public String retain(@ToolParam(description = MemoryToolOperations.RETAIN_CONTENT) String content,
                @ToolParam(required = false, description = TAGS) String tags) {
            return AstrocyteMemoryTools.this.retain(content, tags, null);
        }

        @Tool(name = "memory_recall", description = MemoryToolOperations.RECALL_DESCRIPTION,
                resultConverter = PlainTextResult.class)
        public String recall(@ToolParam(description = MemoryToolOperations.RECALL_QUERY) String query) {
            return AstrocyteMemoryTools.this.recall(query, null);
        }

        @Tool(name = "memory_reflect", description = MemoryToolOperations.REFLECT_DESCRIPTION,
                resultConverter = PlainTextResult.class)
        public String reflect(@ToolParam(description = MemoryToolOperations.REFLECT_QUESTION) String question) {
            return AstrocyteMemoryTools.this.reflect(question, null);
        }
    }

    /** {@code memory_forget} for a fixed binding. */
    public final class BoundForgetTool {

        private BoundForgetTool() {
        }

        @Tool(name = "memory_forget", description = MemoryToolOperations.FORGET_DESCRIPTION,
                resultConverter = PlainTextResult.class)
        public String forget(@ToolParam(description = MemoryToolOperations.FORGET_IDS) String memoryIds) {
            return operations.forget(resolve(null), memoryIds);
        }
    }
}
