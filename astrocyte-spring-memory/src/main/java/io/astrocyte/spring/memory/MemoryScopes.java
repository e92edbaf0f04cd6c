package io.astrocyte.spring.memory;

import io.astrocyte.identity.MemoryBindingRequest;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The binding of the innermost {@link MemoryScope} method running on this thread. The starter adds
 * {@link #resolver()} to the chain the advisor and memory tools use, so a {@code ChatClient} called inside a
 * scoped method remembers for that scope without further wiring. Scopes do not cross threads: work handed
 * to another thread (async, reactive) must carry its identity explicitly.
 */
public final class MemoryScopes {

    private static final ThreadLocal<Deque<ResolvedMemoryBinding>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private MemoryScopes() {
    }

    /** The innermost active scope on this thread. */
    public static Optional<ResolvedMemoryBinding> current() {
        return Optional.ofNullable(STACK.get().peek());
    }

    /** Runs {@code work} with {@code binding} as the active scope. */
    public static <T> T callWithin(ResolvedMemoryBinding binding, Supplier<T> work) {
        push(binding);
        try {
            return work.get();
        } finally {
            pop();
        }
    }

    static void push(ResolvedMemoryBinding binding) {
        STACK.get().push(binding);
    }

    static void pop() {
        Deque<ResolvedMemoryBinding> stack = STACK.get();
        stack.pop();
        if (stack.isEmpty()) {
            STACK.remove();
        }
    }

    /** A resolver that answers with the active scope, or cannot tell when there is none. */
    public static MemoryBindingResolver resolver() {
        return MemoryScopes::resolve;
    }

    private static Optional<ResolvedMemoryBinding> resolve(MemoryBindingRequest request) {
        return current();
    }
}
