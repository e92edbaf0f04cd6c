package io.astrocyte;

/** A rate limit or quota refused the call (SPEC {@code RateLimited}, HTTP 429). Never queued or dropped. */
public class RateLimitedException extends AstrocyteException {

    private final String bankId;
    private final String operation;
    private final double retryAfterSeconds;

    public RateLimitedException(String bankId, String operation, double retryAfterSeconds) {
        super("rate limit for " + operation + " on bank " + bankId + "; retry after "
                + String.format(java.util.Locale.ROOT, "%.2f", retryAfterSeconds) + " s");
        this.bankId = bankId;
        this.operation = operation;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal for another reason than a bucket, e.g. a throttled noisy bank; {@code reason} leads the message. */
    public RateLimitedException(String bankId, String operation, double retryAfterSeconds, String reason) {
        super(reason + "; retry after " + String.format(java.util.Locale.ROOT, "%.2f", retryAfterSeconds) + " s");
        this.bankId = bankId;
        this.operation = operation;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String bankId() {
        return bankId;
    }

    public String operation() {
        return operation;
    }

    public double retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int httpStatus() {
        return 429;
    }
}
