package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.spi.MetadataValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks shared by the request records; each failure names its field. */
final class Validate {

    static final int MAX_TAGS = 100;
    static final int MAX_TAG_LENGTH = 255;

    private Validate() {
    }

    static List<String> tags(String field, List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidRequestException(field, "at most " + MAX_TAGS + " tags, got " + tags.size());
        }
        for (String t : tags) {
            if (t == null || t.isBlank() || t.length() > MAX_TAG_LENGTH) {
                throw new InvalidRequestException(field, "tags must be non-blank and at most " + MAX_TAG_LENGTH
                        + " characters");
            }
        }
        return List.copyOf(tags);
    }

    static Map<String, Object> metadata(String field, Map<String, ?> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidRequestException(field, "metadata keys must be non-blank");
            }
            if (!MetadataValues.isScalar(e.getValue())) {
                throw new InvalidRequestException(field + "." + e.getKey(),
                        "metadata values must be a string, number, boolean or null");
            }
            copy.put(e.getKey(), e.getValue() instanceof CharSequence cs ? cs.toString() : e.getValue());
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidRequestException(field, "must not be negative, got " + value);
        }
        return value;
    }

    static Integer positiveOrNull(String field, Integer value) {
        if (value != null && value <= 0) {
            throw new InvalidRequestException(field, "must be positive, got " + value);
        }
        return value;
    }

    static String required(String field, String value) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required");
        }
        return value;
    }

    static List<String> banks(String field, List<String> banks) {
        if (banks == null) {
            return List.of();
        }
        for (String b : banks) {
            BankIds.require(field, b);
        }
        return List.copyOf(new java.util.LinkedHashSet<>(banks));
    }
}
