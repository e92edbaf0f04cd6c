package io.astrocyte;

/** A Memory Intent Protocol rule refused or could not route the content (SPEC `MipRoutingError`, HTTP 422). */
public class MipRoutingException extends AstrocyteException {

    public MipRoutingException(String message) {
        super(message);
    }

    public MipRoutingException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
