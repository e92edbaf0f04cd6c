package io.astrocyte;

import java.util.List;

/** The PII barrier refused content whose effective action is {@code reject} (SPEC {@code PiiRejected}, HTTP 422). */
public class PiiRejectedException extends AstrocyteException {

    private final List<String> piiTypes;

    public PiiRejectedException(List<String> piiTypes) {
        super("content rejected: contains " + String.join(", ", piiTypes));
        this.piiTypes = List.copyOf(piiTypes);
    }

    /** The PII types found, never the matched text. */
    public List<String> piiTypes() {
        return piiTypes;
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
