package io.astrocyte.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A legal hold on a bank (SPEC §6.4): while any hold is set, every forget that is not a compliance forget
 * fails with {@link io.astrocyte.LegalHoldActiveException}. A bank may carry several holds, one per matter.
 *
 * @param bankId the bank held
 * @param holdId the hold's id, unique within the bank, e.g. a case number
 * @param reason why the bank is held, for the audit trail
 * @param setBy  the principal that set it
 * @param setAt  when it was set
 */
public record LegalHold(String bankId, String holdId, String reason, String setBy, Instant setAt) {

    public LegalHold {
        BankIds.require("bank_id", bankId);
        if (!BankIds.isValid(holdId)) {
            throw new io.astrocyte.InvalidRequestException("hold_id", "invalid hold id '" + holdId
                    + "' (1-255 chars of letters, digits and ._:@-, starting with a letter or digit)");
        }
        Objects.requireNonNull(setBy, "setBy");
        Objects.requireNonNull(setAt, "setAt");
        reason = reason == null ? "" : reason;
        if (reason.length() > 2000) {
            throw new io.astrocyte.InvalidRequestException("reason", "at most 2000 characters");
        }
    }
}
