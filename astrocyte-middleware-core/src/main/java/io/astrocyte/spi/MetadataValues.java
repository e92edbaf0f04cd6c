package io.astrocyte.spi;

import java.math.BigDecimal;

/**
 * The one rule for comparing metadata values across backends: {@code 3}, {@code 3L} and {@code 3.0} are
 * equal, {@code "3"} is not, and {@code null} equals only {@code null}.
 */
public final class MetadataValues {

    private MetadataValues() {
    }

    /** A string that is equal for two values exactly when metadata equality holds for them. */
    public static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return "b:" + b;
        }
        if (value instanceof Number n) {
            try {
                return "n:" + new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException nonFinite) {
                return "n:" + n;
            }
        }
        if (value instanceof CharSequence s) {
            return "s:" + s;
        }
        throw new IllegalArgumentException("metadata values must be scalars, got " + value.getClass().getSimpleName());
    }

    /** Whether a value may be stored as metadata: a string, number, boolean or {@code null}. */
    public static boolean isScalar(Object value) {
        return value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean;
    }
}
