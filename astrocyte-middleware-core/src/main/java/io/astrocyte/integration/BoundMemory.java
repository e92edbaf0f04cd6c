package io.astrocyte.integration;

import io.astrocyte.Astrocyte;
import io.astrocyte.AstrocyteException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.ResolvedMemoryBinding;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade as one resolved binding sees it: recall and reflect over the binding's read banks with its
 * strategy, and retains into its default bank, always as the binding's identity. Framework components (a
 * retriever, an advisor, a hook, a tool) resolve the binding of a call, then go through this, so every
 * framework asks memory the same way.
 */
public final class BoundMemory {

    private static final Logger LOG = LoggerFactory.getLogger(BoundMemory.class);

    private final Astrocyte brain;
    private final ResolvedMemoryBinding binding;

    public BoundMemory(Astrocyte brain, ResolvedMemoryBinding binding) {
        this.brain = Objects.requireNonNull(brain, "brain");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    public ResolvedMemoryBinding binding() {
        return binding;
    }

    /** The memories matching {@code query}, at most {@code maxResults}, within {@code maxTokens} when set. */
    public RecallResult recall(String query, int maxResults, Integer maxTokens) {
        return brain.recall(RecallRequest.builder(query).banks(binding.readBanks()).strategy(binding.strategy())
                .maxResults(maxResults).maxTokens(maxTokens).build(), binding.context());
    }

    /** An answer to {@code question} from the binding's memories, within {@code maxTokens} when set. */
    public ReflectResult reflect(String question, Integer maxTokens) {
        return brain.reflect(ReflectRequest.builder(question).banks(binding.readBanks())
                .strategy(binding.strategy()).maxTokens(maxTokens).build(), binding.context());
    }

    /** Retains into the default bank; refusals are thrown, as from the facade. */
    public RetainResult retain(RetainRequest.Builder request) {
        return brain.retain(request.build(), binding.context());
    }

    /** A retain request for the binding's default bank. */
    public RetainRequest.Builder retainRequest(String content) {
        return RetainRequest.builder(binding.defaultBank(), content);
    }

    /**
     * A retain the framework's call must not fail over (auto-retain, recorded tool calls, annotations):
     * resolves the binding, builds the request for its default bank and retains it; a binding that cannot
     * be resolved, a refusal or a store failure is logged at {@code WARN} with {@code what} and answered
     * with empty.
     */
    public static Optional<RetainResult> retainQuietly(Astrocyte brain, Supplier<ResolvedMemoryBinding> binding,
            Function<String, RetainRequest> requestForBank, String what) {
        try {
            ResolvedMemoryBinding b = binding.get();
            RetainResult r = brain.retain(requestForBank.apply(b.defaultBank()), b.context());
            if (!r.stored() && !r.deduplicated()) {
                LOG.warn("{} into {} not stored: {}", what, b.defaultBank(), r.error());
            }
            return Optional.of(r);
        } catch (AstrocyteException e) {
            LOG.warn("{} not stored: {}", what, e.getMessage());
            return Optional.empty();
        }
    }
}
