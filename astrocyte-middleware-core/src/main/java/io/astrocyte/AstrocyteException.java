package io.astrocyte;

/**
 * Base of every error Astrocyte throws on purpose. Each subclass maps to one HTTP status so that the
 * REST gateway, MCP server and adapters translate errors the same way (SPEC §1.10).
 */
public abstract class AstrocyteException extends RuntimeException {

    protected AstrocyteException(String message) {
        super(message);
    }

    protected AstrocyteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status the gateway answers with for this error. */
    public abstract int httpStatus();
}
