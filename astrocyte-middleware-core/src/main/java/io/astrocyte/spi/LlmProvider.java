package io.astrocyte.spi;

import io.astrocyte.CapabilityNotSupportedException;
import java.util.List;

/**
 * An LLM that Astrocyte may ask to synthesize answers (reflect) and, later, to classify PII or intent
 * (SPEC §4.3). Optional: every feature works without one.
 */
public interface LlmProvider {

    String name();

    Completion complete(CompletionRequest request);

    /** Embeddings from the same provider; fails fast when it has none (SPEC §4.3 [J]). */
    default List<float[]> embed(List<String> texts) {
        throw new CapabilityNotSupportedException(name(), "embed");
    }
}
