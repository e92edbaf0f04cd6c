package io.astrocyte;

/** A non-compliance forget hit a bank under legal hold (SPEC {@code LegalHoldActive}, HTTP 409). */
public class LegalHoldActiveException extends AstrocyteException {

    private final String bankId;
    private final String holdId;

    public LegalHoldActiveException(String bankId, String holdId) {
        super("bank " + bankId + " is under legal hold " + holdId);
        this.bankId = bankId;
        this.holdId = holdId;
    }

    public String bankId() {
        return bankId;
    }

    public String holdId() {
        return holdId;
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
