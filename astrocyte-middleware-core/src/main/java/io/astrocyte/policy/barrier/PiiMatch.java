package io.astrocyte.policy.barrier;

/** A stretch of text found to be PII; {@code end} is exclusive. */
public record PiiMatch(String type, int start, int end, String replacement) {
}
