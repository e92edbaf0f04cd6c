package io.astrocyte.tools;

import io.astrocyte.Astrocyte;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.Objects;

/**
 * The settings every framework component shares (retrievers, advisors, tools, plugins): the facade, whose
 * memory a call uses — a fixed binding or a resolver — and how many memories it returns. Adapters' builders
 * extend it and add their own settings; {@link #settings()} hands the shared ones to the component.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class MemoryComponentBuilder<B extends MemoryComponentBuilder<B>> {

    /** The shared settings, as a component receives them. */
    public record Settings(Astrocyte brain, ResolvedMemoryBinding binding, MemoryBindingResolver resolver,
            int maxResults) {
    }

    private final Astrocyte brain;
    private ResolvedMemoryBinding binding;
    private MemoryBindingResolver resolver;
    private int maxResults;

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

    /** The shared settings so far. */
    protected Settings settings() {
        return new Settings(brain, binding, resolver, maxResults);
    }

    /** {@code null} or a positive token budget, for builders that take one. */
    protected static Integer positiveOrNull(Integer value, String name) {
        if (value != null && value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
