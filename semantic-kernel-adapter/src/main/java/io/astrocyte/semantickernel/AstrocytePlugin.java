package io.astrocyte.semantickernel;

import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.semanticfunctions.annotations.DefineKernelFunction;
import com.microsoft.semantickernel.semanticfunctions.annotations.KernelFunctionParameter;
import io.astrocyte.Astrocyte;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.MemoryComponentBuilder;
import io.astrocyte.integration.MemoryToolOperations;

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

    AstrocytePlugin(MemoryComponentBuilder.Settings shared) {
        this.operations = new MemoryToolOperations(shared.brain(), shared.maxResults());
        this.bindings = new KernelBindings(shared.binding(), shared.resolver());
    }

    /** Settings: binding or resolver, {@code maxResults} (default 10), {@code maxTokens}. */
    public static MemoryComponentBuilder.Of<AstrocytePlugin> builder(Astrocyte brain) {
        return new MemoryComponentBuilder.Of<>(brain, 10, s -> s.allowForget() ? new WithForget(s) : new AstrocytePlugin(s));
    }

    @DefineKernelFunction(name = "retain", description = MemoryToolOperations.RETAIN_DESCRIPTION,
            returnType = "java.lang.String", returnDescription = MemoryToolOperations.RETAIN_RESULT)
    public String retain(
            @KernelFunctionParameter(name = "content", description = MemoryToolOperations.RETAIN_CONTENT)
            String content,
            @KernelFunctionParameter(name = "tags", description = MemoryToolOperations.RETAIN_TAGS, required = false,
                    defaultValue = "") String tags,
            KernelFunctionArguments arguments) {
        return operations.retain(bindings.resolve(arguments), content, MemoryToolOperations.splitIds(tags),
                "sk:memory.retain");
    }

    @DefineKernelFunction(name = "recall", description = MemoryToolOperations.RECALL_DESCRIPTION,
            returnType = "java.lang.String", returnDescription = MemoryToolOperations.RECALL_RESULT)
    public String recall(
            @KernelFunctionParameter(name = "query", description = MemoryToolOperations.RECALL_QUERY) String query,
            @KernelFunctionParameter(name = "maxResults", description = MemoryToolOperations.RECALL_LIMIT, required = false,
                    defaultValue = "5", type = int.class) int maxResults,
            KernelFunctionArguments arguments) {
        return operations.recall(bindings.resolve(arguments), query, maxResults);
    }

    @DefineKernelFunction(name = "reflect", description = MemoryToolOperations.REFLECT_DESCRIPTION,
            returnType = "java.lang.String", returnDescription = MemoryToolOperations.REFLECT_RESULT)
    public String reflect(
            @KernelFunctionParameter(name = "query", description = MemoryToolOperations.REFLECT_QUESTION) String query,
            KernelFunctionArguments arguments) {
        return operations.reflect(bindings.resolve(arguments), query);
    }

    /** The plugin with {@code forget}; built when the builder allows forgetting. */
    public static class WithForget extends AstrocytePlugin {

        WithForget(MemoryComponentBuilder.Settings shared) {
            super(shared);
        }

        @DefineKernelFunction(name = "forget", description = MemoryToolOperations.FORGET_DESCRIPTION,
                returnType = "java.lang.String", returnDescription = MemoryToolOperations.FORGET_RESULT)
        public String forget(
                @KernelFunctionParameter(name = "memoryIds", description = MemoryToolOperations.FORGET_IDS)
                String memoryIds,
                KernelFunctionArguments arguments) {
            return operations.forget(bindings.resolve(arguments), memoryIds);
        }
    }
}
