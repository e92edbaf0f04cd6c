package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;
import java.util.regex.Pattern;

/** The bank id rule of SPEC §1.1: {@code ^[a-zA-Z0-9][a-zA-Z0-9._:@-]{0,254}$}. */
public final class BankIds {

    private static final Pattern PATTERN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9._:@\\-]{0,254}$");

    private BankIds() {
    }

    /** {@code bankId} (if any) followed by {@code banks}, without repeats, in order. */
    public static java.util.List<String> targets(String bankId, java.util.List<String> banks) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (bankId != null) {
            all.add(bankId);
        }
        all.addAll(banks);
        return java.util.List.copyOf(all);
    }

    public static boolean isValid(String bankId) {
        return bankId != null && PATTERN.matcher(bankId).matches();
    }

    /** Returns {@code bankId} or throws {@link InvalidRequestException} naming {@code field}. */
    public static String require(String field, String bankId) {
        if (!isValid(bankId)) {
            throw new InvalidRequestException(field, "invalid bank id '" + bankId
                    + "' (1-255 chars of letters, digits and ._:@-, starting with a letter or digit)");
        }
        return bankId;
    }
}
