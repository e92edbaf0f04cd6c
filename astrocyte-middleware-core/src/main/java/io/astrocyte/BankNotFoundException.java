package io.astrocyte;

/** A bank that must already exist does not (SPEC {@code BankNotFound}, HTTP 404). */
public class BankNotFoundException extends AstrocyteException {

    private final String bankId;

    public BankNotFoundException(String bankId) {
        super("bank not found: " + bankId);
        this.bankId = bankId;
    }

    public String bankId() {
        return bankId;
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
