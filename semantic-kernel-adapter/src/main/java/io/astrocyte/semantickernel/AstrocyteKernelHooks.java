package io.astrocyte.semantickernel;

import com.microsoft.semantickernel.contextvariables.ContextVariable;
import com.microsoft.semantickernel.hooks.FunctionInvokedEvent;
import com.microsoft.semantickernel.hooks.KernelHooks;
import com.microsoft.semantickernel.hooks.PromptRenderedEvent;
import com.microsoft.semantickernel.hooks.PromptRenderingEvent;
import com.microsoft.semantickernel.semanticfunctions.KernelFunction;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionArguments;
import com.microsoft.semantickernel.semanticfunctions.KernelFunctionFromPrompt;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.AutoRetainMode;
import io.astrocyte.integration.AutoRetainer;
import io.astrocyte.integration.BoundMemory;
import io.astrocyte.integration.MemoryComponentBuilder;
import io.astrocyte.integration.MemoryPreamble;
import java.util.List;

/**
 * Kernel hooks that give prompt functions long-term memory, both opt-in:
 *
 * <ul>
 *   <li><b>Recall</b>: a prompt-rendering hook (Semantic Kernel runs it before the template is rendered, and
 *       before the function-invoking hooks, which for prompt functions come after rendering) recalls for the
 *       user input (the argument named by {@link Builder#inputArgument}, default {@code input}) on the caller's
 *       banks and passes the result on in the argument {@code memories}, so a template can place it with
 *       {@code {{$memories}}}; a prompt-rendered hook adds it in front of the rendered prompt, under
 *       {@link Builder#template}, when the template did not.</li>
 *   <li><b>Auto-retain</b>: a function-invoked hook retains the input, the result or the whole turn of each
 *       prompt function through the policy layer; refusals are logged and never fail the function.</li>
 * </ul>
 *
 * Only prompt functions are touched (native functions, including the {@code memory} plugin, are not).
 * Identity is resolved from the kernel arguments as for {@link AstrocytePlugin}; with recall on, a prompt
 * function without identity fails with {@link io.astrocyte.AuthorizationException}.
 *
 * <pre>{@code
 * kernel.getGlobalKernelHooks().addHooks(AstrocyteKernelHooks.builder(brain).resolver(users).recall(true)
 *         .autoRetain(AstrocyteKernelHooks.Retain.INPUT).build().hooks());
 * }</pre>
 */
public final class AstrocyteKernelHooks {

    /** The argument the recalled memories are put in. */
    public static final String MEMORIES = "memories";
    /** Default text added in front of a rendered prompt; {@code {memories}} is replaced by one line per memory. */
    public static final String DEFAULT_TEMPLATE = MemoryPreamble.DEFAULT_TEMPLATE + "\n\n";


    private final Astrocyte brain;
    private final KernelBindings bindings;
    private final boolean recall;
    private final AutoRetainer retainer;
    private final String inputArgument;
    private final String template;
    private final int maxResults;

    private AstrocyteKernelHooks(Builder b) {
        this.brain = b.shared.brain();
        this.bindings = new KernelBindings(b.shared.binding(), b.shared.resolver());
        this.recall = b.recall;
        this.retainer = b.shared.retainer();
        this.inputArgument = b.inputArgument;
        this.template = b.template;
        this.maxResults = b.shared.maxResults();
    }

    public static Builder builder(Astrocyte brain) {
        return new Builder(brain);
    }

    /** The hooks to add to a kernel's global hooks or to an {@code InvocationContext}. */
    public KernelHooks hooks() {
        KernelHooks hooks = new KernelHooks();
        if (recall) {
            hooks.addPromptRenderingHook(this::recallBeforeRendering);
            hooks.addPromptRenderedHook(this::addToRenderedPrompt);
        }
        if (retainer.mode() != AutoRetainMode.OFF) {
            hooks.addFunctionInvokedHook(this::retainAfterInvoked);
        }
        return hooks;
    }

    private static boolean promptFunction(KernelFunction<?> f) {
        return f instanceof KernelFunctionFromPrompt;
    }

    private String input(KernelFunctionArguments arguments) {
        if (arguments == null) {
            return null;
        }
        ContextVariable<?> v = arguments.get(inputArgument);
        return v == null || v.getValue() == null || v.getValue().toString().isBlank() ? null
                : v.getValue().toString();
    }

    private PromptRenderingEvent recallBeforeRendering(PromptRenderingEvent event) {
        if (!promptFunction(event.getFunction())) {
            return event;
        }
        ResolvedMemoryBinding binding = bindings.resolve(event.getArguments());
        String query = input(event.getArguments());
        if (query == null) {
            return event;
        }
        List<MemoryHit> hits = new BoundMemory(brain, binding).recall(query, maxResults, null).hits();
        KernelFunctionArguments arguments = event.getArguments() == null ? KernelFunctionArguments.builder().build()
                : event.getArguments().copy();
        arguments.put(MEMORIES, ContextVariable.of(MemoryPreamble.lines(hits)));
        return new PromptRenderingEvent(event.getFunction(), arguments);
    }

    private PromptRenderedEvent addToRenderedPrompt(PromptRenderedEvent event) {
        ContextVariable<?> memories = event.getArguments() == null ? null : event.getArguments().get(MEMORIES);
        String text = memories == null || memories.getValue() == null ? "" : memories.getValue().toString();
        if (text.isBlank() || event.getPrompt() == null || event.getPrompt().contains(text)) {
            return event;
        }
        return new PromptRenderedEvent(event.getFunction(), event.getArguments(),
                MemoryPreamble.render(template, text) + event.getPrompt());
    }

    private FunctionInvokedEvent<?> retainAfterInvoked(FunctionInvokedEvent<?> event) {
        if (!promptFunction(event.getFunction())) {
            return event;
        }
        Object result = event.getResult() == null ? null : event.getResult().getResult();
        ContextVariable<?> conversation = event.getArguments() == null ? null
                : event.getArguments().get(KernelBindings.CONVERSATION_ID);
        retainer.retain(new AutoRetainer.Turn(input(event.getArguments()), result == null ? null : result.toString(),
                conversation == null || conversation.getValue() == null ? null : conversation.getValue().toString(),
                "sk:" + event.getFunction().getPluginName() + "." + event.getFunction().getName()),
                () -> bindings.resolve(event.getArguments()));
        return event;
    }

    /** Settings of {@link AstrocyteKernelHooks}. */
    public static final class Builder extends MemoryComponentBuilder<Builder> {
        private boolean recall;
        private String inputArgument = "input";
        private String template = DEFAULT_TEMPLATE;

        private Builder(Astrocyte brain) {
            super(brain, 5);
        }

        private Settings shared;

        /** Recall memory into prompt functions (default off). */
        public Builder recall(boolean value) {
            this.recall = value;
            return this;
        }

        /**
         * The argument holding the user input (default {@code input}). With {@code autoRetain}, the input is the
         * user's message, the function's result the answer, and the {@code conversation_id} argument the
         * memory's {@code session_id}.
         */
        public Builder inputArgument(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("inputArgument must not be blank");
            }
            this.inputArgument = value;
            return this;
        }

        /** Text added in front of the rendered prompt; must contain {@code {memories}}. */
        public Builder template(String value) {
            this.template = MemoryPreamble.checkTemplate(value);
            return this;
        }

        public AstrocyteKernelHooks build() {
            shared = settings();
            return new AstrocyteKernelHooks(this);
        }
    }
}
