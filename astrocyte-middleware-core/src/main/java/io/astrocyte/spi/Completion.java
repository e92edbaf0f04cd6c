package io.astrocyte.spi;

/**
 * @param usage token usage when the provider reports it, else {@code null}
 */
public record Completion(String text, String model, Usage usage) {

    public record Usage(int inputTokens, int outputTokens) {
    }
}
