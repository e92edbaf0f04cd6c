package io.astrocyte;

/** The caller's identity is missing or could not be established (SPEC `AuthorizationError`, HTTP 401). Fails closed. */
public class AuthorizationException extends AstrocyteException {

    public AuthorizationException(String message) {
        super(message);
    }

    public AuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 401;
    }
}
