package io.astrocyte;

/**
 * Base of every error Astrocyte throws on purpose. Each subclass maps to one HTTP status (SPEC §1.10), so
 * that everything translating errors for a caller off the JVM answers the same way.
 */
public abstract class AstrocyteException extends RuntimeException {

    protected AstrocyteException(String message) {
        super(message);
    }

    protected AstrocyteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status this error stands for. */
    public abstract int httpStatus();
}
