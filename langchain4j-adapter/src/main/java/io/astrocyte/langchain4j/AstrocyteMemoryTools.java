package io.astrocyte.langchain4j;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolMemoryId;
import dev.langchain4j.invocation.InvocationParameters;
import io.astrocyte.Astrocyte;
import io.astrocyte.integration.MemoryComponentBuilder;
import io.astrocyte.integration.MemoryToolOperations;
import java.util.List;

/**
 * Memory as tools the model can call: {@code memory_retain}, {@code memory_recall}, {@code memory_reflect}
 * and, only when allowed, {@code memory_forget}. Register {@link #tools()} with
 * {@code AiServices.builder(...).tools(memoryTools.tools())}. Each call is bound per {@link LangChain4jBindings}
 * from the {@code @MemoryId} and invocation parameters; the model never chooses the identity or the bank.
 * Results are short texts for the model. Refusals the model can act on (bad input, not stored, rate
 * limited, access denied) come back as text; a call without any identity throws.
 */
public final class AstrocyteMemoryTools {

    private final MemoryToolOperations operations;
    private final LangChain4jBindings bindings;
    private final boolean allowForget;

    private AstrocyteMemoryTools(MemoryComponentBuilder.Settings shared) {
        this.operations = new MemoryToolOperations(shared.brain(), shared.maxResults());
        this.bindings = LangChain4jBindings.of(shared.binding(), shared.resolver());
        this.allowForget = shared.allowForget();
    }

    /** Settings: binding or resolver, {@code maxResults} (default 5), {@code maxTokens}, {@code allowForget}. */
    public static MemoryComponentBuilder.Of<AstrocyteMemoryTools> builder(Astrocyte brain) {
        return new MemoryComponentBuilder.Of<>(brain, 5, AstrocyteMemoryTools::new);
    }

    /** The tool objects to register: this one, plus the forget tool when allowed. */
    public List<Object> tools() {
        return allowForget ? List.of(this, new ForgetTool()) : List.of(this);
    }

    @Tool(name = "memory_retain", value = MemoryToolOperations.RETAIN_DESCRIPTION)
    public String retain(@P(MemoryToolOperations.RETAIN_CONTENT) String content, @ToolMemoryId Object memoryId,
            InvocationParameters parameters) {
        return operations.retain(bindings.resolve(memoryId, parameters), content, List.of(), "tool:memory_retain");
    }

    @Tool(name = "memory_recall", value = MemoryToolOperations.RECALL_DESCRIPTION)
    public String recall(@P(MemoryToolOperations.RECALL_QUERY) String query, @ToolMemoryId Object memoryId,
            InvocationParameters parameters) {
        return operations.recall(bindings.resolve(memoryId, parameters), query, 0);
    }

    @Tool(name = "memory_reflect", value = MemoryToolOperations.REFLECT_DESCRIPTION)
    public String reflect(@P(MemoryToolOperations.REFLECT_QUESTION) String question, @ToolMemoryId Object memoryId,
            InvocationParameters parameters) {
        return operations.reflect(bindings.resolve(memoryId, parameters), question);
    }

    /** {@code memory_forget}: registered only when the builder allows it. */
    public final class ForgetTool {

        private ForgetTool() {
        }

        @Tool(name = "memory_forget", value = MemoryToolOperations.FORGET_DESCRIPTION)
        public String forget(@P(MemoryToolOperations.FORGET_IDS) String memoryIds, @ToolMemoryId Object memoryId,
                InvocationParameters parameters) {
            return operations.forget(bindings.resolve(memoryId, parameters), memoryIds);
        }
    }
}
