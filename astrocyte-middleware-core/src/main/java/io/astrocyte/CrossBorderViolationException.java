package io.astrocyte;

/** Data would leave its residency zone (SPEC `CrossBorderViolation`, HTTP 403). */
public class CrossBorderViolationException extends AstrocyteException {

    public CrossBorderViolationException(String message) {
        super(message);
    }

    public CrossBorderViolationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
