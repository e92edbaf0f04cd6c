package io.astrocyte.server;

import io.astrocyte.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads fields of a JSON request body as the upstream gateway's schemas define them; a field of the wrong type is a
 * 400 naming it. Fields the schemas do not name are ignored, as the upstream gateway ignores them.
 */
final class Bodies {

    private Bodies() {
    }

    static String text(Map<String, Object> body, String field, boolean required) {
        Object v = body.get(field);
        if (v == null) {
            if (required) {
                throw new InvalidRequestException(field, "is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidRequestException(field, "must be a string");
        }
        return s;
    }

    static Integer integer(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new InvalidRequestException(field, "must be an integer");
        }
        return n.intValue();
    }

    static Boolean bool(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw new InvalidRequestException(field, "must be true or false");
        }
        return b;
    }

    static List<String> strings(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw new InvalidRequestException(field, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new InvalidRequestException(field, "must be a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    /** An ISO-8601 instant ({@code 2026-01-02T03:04:05Z}) or offset date-time. */
    static java.time.Instant instant(Map<String, Object> body, String field, boolean required) {
        String v = text(body, field, required);
        if (v == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(v).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                throw new InvalidRequestException(field, "must be an ISO-8601 date-time");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new InvalidRequestException(field, "must be an object");
        }
        return (Map<String, Object>) v;
    }
}
