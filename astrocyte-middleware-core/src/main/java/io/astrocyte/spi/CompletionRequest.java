package io.astrocyte.spi;

import java.util.List;

/**
 * @param model       model name, or {@code null} for the provider's default
 * @param maxTokens   cap on generated tokens (SPEC default 1024)
 * @param temperature sampling temperature (SPEC default 0)
 */
public record CompletionRequest(List<Message> messages, String model, int maxTokens, double temperature) {

    public CompletionRequest {
        messages = List.copyOf(messages);
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }

    public static CompletionRequest of(List<Message> messages) {
        return new CompletionRequest(messages, null, 1024, 0.0);
    }
}
