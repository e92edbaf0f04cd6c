package io.astrocyte.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields a rule can test and templates can use, and how each is read from a {@link MipInput}. */
final class Fields {

    static final Set<String> TOP_LEVEL = Set.of("content_type", "source", "pii_detected", "tags", "content",
            "principal_type", "principal_id", "principal_upn", "principal_app_id");
    static final Set<String> PRINCIPAL_KEYS = Set.of("type", "id", "upn", "app_id", "oid_or_app_id");

    private Fields() {
    }

    /** Whether {@code field} names something rules can test; otherwise the rule is refused at load. */
    static boolean isKnown(String field) {
        if (TOP_LEVEL.contains(field)) {
            return true;
        }
        if (field.startsWith("metadata.") || field.startsWith("signals.")) {
            return field.indexOf('.') < field.length() - 1;
        }
        return field.startsWith("principal.") && PRINCIPAL_KEYS.contains(field.substring("principal.".length()));
    }

    /**
     * The field's value, {@code null} when absent. {@code metadata.a.b} is the key {@code a.b} when the metadata
     * has it, else {@code b} inside the map under {@code a}.
     */
    static Object value(String field, MipInput in) {
        MipInput.Principal p = in.principal();
        switch (field) {
            case "content_type":
                return in.contentType();
            case "source":
                return in.source();
            case "pii_detected":
                return in.piiDetected();
            case "tags":
                return in.tags();
            case "content":
                return in.content();
            case "principal_type":
            case "principal.type":
                return p == null ? null : p.type();
            case "principal_id":
            case "principal.id":
                return p == null ? null : p.id();
            case "principal_upn":
            case "principal.upn":
                return p == null ? null : p.upn();
            case "principal_app_id":
            case "principal.app_id":
                return p == null ? null : p.appId();
            case "principal.oid_or_app_id":
                return p == null ? null : p.oidOrAppId();
            default:
                break;
        }
        if (field.startsWith("signals.")) {
            return in.signals().get(field.substring("signals.".length()));
        }
        if (field.startsWith("metadata.")) {
            return nested(in.metadata(), field.substring("metadata.".length()));
        }
        return null;
    }

    private static Object nested(Map<String, Object> map, String path) {
        if (map.containsKey(path)) {
            return map.get(path);
        }
        int dot = path.indexOf('.');
        if (dot > 0 && map.get(path.substring(0, dot)) instanceof Map<?, ?> inner) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) inner;
            return nested(m, path.substring(dot + 1));
        }
        return null;
    }

    /** A scalar as template text: integral numbers without a fraction, booleans as {@code true}/{@code false}. */
    static String text(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            return null; // not a scalar: no template text
        }
        return v == null ? null : v.toString();
    }
}
