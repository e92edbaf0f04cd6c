package io.astrocyte.semantickernel;

import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.semanticfunctions.annotations.DefineKernelFunction;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import io.astrocyte.Astrocyte;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.tools.MemoryComponentBuilder;
import io.astrocyte.tools.MemoryToolOperations;

/**
 * Memory as Semantic Kernel functions: {@code retain}, {@code recall}, {@code reflect} and, only when the
 * builder allows it, {@code forget}. Register it under the plugin name {@code memory}:
 *
 * <pre>{@code
 * AstrocytePlugin memory = AstrocytePlugin.builder(brain).binding(ResolvedMemoryBinding.of(alice, "user-alice")).build();
 * Kernel kernel = Kernel.builder().withPlugin(KernelPluginFactory.createFromObject(memory, "memory")).build();
 * kernel.invokeAsync("memory", "recall").withArguments(KernelFunctionArguments.builder()
 *         .withVariable("query", "travel plans").build()).block();
 * }</pre>
 *
 * <p><b>Identity.</b> A plugin bound to a {@link ResolvedMemoryBinding} uses it for every call; that is the
 * way for functions a model calls, one plugin per user or session. Otherwise each invocation is resolved
 * from the kernel arguments {@code principal} and {@code bank} (plus {@code banks}, {@code on_behalf_of},
 * {@code tenant}) and then by the {@link MemoryBindingResolver} (which sees {@code conversation_id}); those
 * arguments are for application code that invokes the kernel, not for values a model supplies. No identity
 * fails the function with {@link io.astrocyte.AuthorizationException}.
 *
 * <p>Parameters are strings and primitives only (the types Semantic Kernel 1.4 converts from a model's arguments); results are short
 * texts: "Found N memories: …" with scores and ids, "Saved as memory …", or the refusal.
 */
public class AstrocytePlugin {

    // package-private so the WithForget subclass shares them
    final MemoryToolOperations operations;
    final KernelBindings bindings;

    AstrocytePlugin(Builder b) {
        this.operations = new MemoryToolOperations(b.shared.brain(), b.shared.maxResults());
        this.bindings = new KernelBindings(b.shared.binding(), b.shared.resolver());
    }

    public static Builder builder(Astrocyte brain) {
        return new Builder(brain);
    }

    @DefineKernelFunction(name = "retain", description = "Saves one durable fact to long-term memory so it is "
            + "available in future conversations: preferences, decisions, personal details or commitments the user "
            + "shares. Do not save small talk or facts that are only true for this moment.",
            returnType = "java.lang.String", returnDescription = "whether and under which id the fact was saved")
    public String retain(
            @KernelFunctionParameter(name = "content", description = MemoryToolOperations.RETAIN_CONTENT)
            String content,
            @KernelFunctionParameter(name = "tags", description = "optional comma-separated tags, e.g. "
                    + "'preference,food'", required = false, defaultValue = "") String tags,
            KernelFunctionArguments arguments) {
        return operations.retain(bindings.resolve(arguments), content, MemoryToolOperations.splitIds(tags),
                "sk:memory.retain");
    }

    @DefineKernelFunction(name = "recall", description = "Searches long-term memory and returns the stored "
            + "memories that match, best first, with scores and ids. Use it to look up specific facts; use reflect "
            + "instead when the question needs several memories combined into an answer.",
            returnType = "java.lang.String", returnDescription = "the matching memories, one per line")
    public String recall(
            @KernelFunctionParameter(name = "query", description = MemoryToolOperations.RECALL_QUERY) String query,
            @KernelFunctionParameter(name = "maxResults", description = "how many memories at most", required = false,
                    defaultValue = "5", type = int.class) int maxResults,
            KernelFunctionArguments arguments) {
        return operations.recall(bindings.resolve(arguments), query, maxResults);
    }

    @DefineKernelFunction(name = "reflect", description = "Answers a question from long-term memory by combining "
            + "what is remembered, e.g. 'What do I know about the user's travel plans?'. Use recall instead to see "
            + "the raw memories.", returnType = "java.lang.String", returnDescription = "an answer drawn from memory")
    public String reflect(
            @KernelFunctionParameter(name = "query", description = MemoryToolOperations.REFLECT_QUESTION) String query,
            KernelFunctionArguments arguments) {
        return operations.reflect(bindings.resolve(arguments), query);
    }

    /** The plugin with {@code forget}; built when the builder allows forgetting. */
    public static class WithForget extends AstrocytePlugin {

        WithForget(Builder b) {
            super(b);
        }

        @DefineKernelFunction(name = "forget", description = "Forgets memories by id, when the user asks to have "
                + "something forgotten or a memory is wrong. Take the ids from recall.",
                returnType = "java.lang.String", returnDescription = "how many memories were forgotten")
        public String forget(
                @KernelFunctionParameter(name = "memoryIds", description = MemoryToolOperations.FORGET_IDS)
                String memoryIds,
                KernelFunctionArguments arguments) {
            return operations.forget(bindings.resolve(arguments), memoryIds);
        }
    }

    /** Settings of an {@link AstrocytePlugin}. */
    public static final class Builder extends MemoryComponentBuilder<Builder> {
        private boolean allowForget;

        private Builder(Astrocyte brain) {
            super(brain, 10);
        }

        private Settings shared;

        /** Adds the {@code forget} function (default off). */
        public Builder allowForget(boolean value) {
            this.allowForget = value;
            return this;
        }

        public AstrocytePlugin build() {
            shared = settings();
            return allowForget ? new WithForget(this) : new AstrocytePlugin(this);
        }
    }
}
