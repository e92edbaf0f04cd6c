package io.astrocyte.integration;

import io.astrocyte.Astrocyte;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The settings every framework component shares (retrievers, advisors, tools, plugins): the facade, whose
 * memory a call uses — a fixed binding or a resolver — and how many memories it returns. Adapters' builders
 * extend it and add their own settings; {@link #settings()} hands the shared ones to the component.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class MemoryComponentBuilder<B extends MemoryComponentBuilder<B>> {

    /**
     * The shared settings, as a component receives them.
     *
     * @param maxTokens   token budget of what one call returns; {@code null}: the banks' policy budget
     * @param allowForget whether memory tools offer forget to the model
     * @param autoRetain  what components that see completed turns keep of them
     * @param retainFilter which kept texts are retained
     */
    public record Settings(Astrocyte brain, ResolvedMemoryBinding binding, MemoryBindingResolver resolver,
            int maxResults, Integer maxTokens, boolean allowForget, AutoRetainMode autoRetain,
            Predicate<String> retainFilter) {

        /** Retains completed turns as {@link #autoRetain} and {@link #retainFilter} say. */
        public AutoRetainer retainer() {
            return new AutoRetainer(brain, autoRetain, retainFilter);
        }
    }

    /**
     * The builder of a component that needs only the shared settings (a retriever, the memory tools): each
     * adapter's {@code builder(brain)} returns one with its component's constructor.
     *
     * @param <T> the component
     */
    public static final class Of<T> extends MemoryComponentBuilder<Of<T>> {
        private final Function<Settings, T> factory;

        public Of(Astrocyte brain, int defaultMaxResults, Function<Settings, T> factory) {
            super(brain, defaultMaxResults);
            this.factory = Objects.requireNonNull(factory, "factory");
        }

        public T build() {
            return factory.apply(settings());
        }
    }

    private final Astrocyte brain;
    private ResolvedMemoryBinding binding;
    private MemoryBindingResolver resolver;
    private int maxResults;
    private Integer maxTokens;
    private boolean allowForget;
    private AutoRetainMode autoRetain = AutoRetainMode.OFF;
    private Predicate<String> retainFilter = text -> true;

    protected MemoryComponentBuilder(Astrocyte brain, int defaultMaxResults) {
        this.brain = Objects.requireNonNull(brain, "brain");
        this.maxResults = defaultMaxResults;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** One identity and its banks for every call (a single-user app, one agent, one session). */
    public B binding(ResolvedMemoryBinding value) {
        this.binding = value;
        return self();
    }

    /** Asked per call when no binding is fixed and the call's own parameters name none. */
    public B resolver(MemoryBindingResolver value) {
        this.resolver = value;
        return self();
    }

    /** Memories returned per call at most. */
    public B maxResults(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("maxResults must be positive, got " + value);
        }
        this.maxResults = value;
        return self();
    }

    /** Token budget of what one call returns; {@code null} (default) uses the banks' policy budget. */
    public B maxTokens(Integer value) {
        this.maxTokens = positiveOrNull(value, "maxTokens");
        return self();
    }

    /** For the memory tools: offers forget to the model (default off). */
    public B allowForget(boolean value) {
        this.allowForget = value;
        return self();
    }

    /** For components that see completed turns: what they keep (default {@link AutoRetainMode#OFF}). */
    public B autoRetain(AutoRetainMode value) {
        this.autoRetain = Objects.requireNonNull(value, "autoRetain");
        return self();
    }

    /** Retains only texts this accepts, e.g. {@code t -> !t.endsWith("?")} to skip questions. */
    public B retainFilter(Predicate<String> value) {
        this.retainFilter = Objects.requireNonNull(value, "retainFilter");
        return self();
    }

    /** The shared settings so far. */
    protected Settings settings() {
        return new Settings(brain, binding, resolver, maxResults, maxTokens, allowForget, autoRetain, retainFilter);
    }

    /** {@code null} or a positive token budget, for builders that take one. */
    protected static Integer positiveOrNull(Integer value, String name) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
