package io.astrocyte;

/** A store, embedder or LLM could not serve the call (SPEC `ProviderUnavailable`, HTTP 503). */
public class ProviderUnavailableException extends AstrocyteException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 503;
    }
}
