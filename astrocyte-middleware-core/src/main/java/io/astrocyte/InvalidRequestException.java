package io.astrocyte;

/**
 * A request that breaks the contract: bad bank id, negative limit, unknown filter field, non-scalar
 * metadata and the like. A subclass of {@link ConfigException} because SPEC §1.10 maps both to
 * {@code ConfigError} / HTTP 400; catch this type to tell request errors from configuration errors.
 */
public class InvalidRequestException extends ConfigException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(field == null ? message : field + ": " + message);
        this.field = field;
    }

    /** The request field at fault, or {@code null} when the request as a whole is at fault. */
    public String field() {
        return field;
    }
}
