package io.astrocyte.springai;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.TimeRange;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.vectorstore.filter.Filter;

/**
 * Translates a Spring AI {@link Filter.Expression} into Astrocyte's recall filters. Supported, combined
 * with {@code AND}: {@code tags == x} and {@code tags in [..]} (match any), {@code fact_type == x} and
 * {@code fact_type in [..]}, {@code occurred_at} with {@code >=}, {@code >}, {@code <}, {@code <=} (ISO-8601
 * or epoch milliseconds), and {@code key == value} on any other metadata key. Anything else ({@code OR},
 * {@code NOT}, {@code !=}, {@code nin}, …) is refused with an {@link InvalidRequestException} rather than
 * silently widened.
 */
final class FilterTranslation {

    /** The recall filters an expression stands for. */
    record Criteria(List<String> tags, List<String> factTypes, Instant from, Instant to, Map<String, Object> metadata) {

        TimeRange timeRange() {
            return from == null && to == null ? null : new TimeRange(from, to);
        }
    }

    private FilterTranslation() {
    }

    static Criteria translate(Filter.Expression expression) {
        Builder b = new Builder();
        if (expression != null) {
            b.add(expression);
        }
        return new Criteria(b.tags, b.factTypes, b.from, b.to, b.metadata);
    }

    private static final class Builder {
        List<String> tags;
        List<String> factTypes;
        Instant from;
        Instant to;
        final Map<String, Object> metadata = new LinkedHashMap<>();

        void add(Filter.Operand operand) {
            if (operand instanceof Filter.Group g) {
                add(g.content());
                return;
            }
            if (!(operand instanceof Filter.Expression e)) {
                throw unsupported("operand " + operand);
            }
            if (e.type() == Filter.ExpressionType.AND) {
                add(e.left());
                add(e.right());
                return;
            }
            if (!(e.left() instanceof Filter.Key key) || !(e.right() instanceof Filter.Value value)) {
                throw unsupported(e.type() + " expression " + e);
            }
            String k = key.key();
            Object v = value.value();
            switch (e.type()) {
                case EQ, IN -> {
                    List<String> values = strings(v);
                    if (k.equals("tags") || k.equals("tag")) {
                        tags = once(tags, values, "tags");
                    } else if (k.equals("fact_type")) {
                        factTypes = once(factTypes, values, "fact_type");
                    } else if (e.type() == Filter.ExpressionType.EQ) {
                        metadata.put(k, v);
                    } else {
                        throw unsupported("'in' on metadata key '" + k + "' (only equality)");
                    }
                }
                case GT, GTE, LT, LTE -> {
                    if (!k.equals("occurred_at")) {
                        throw unsupported("range on '" + k + "' (only occurred_at)");
                    }
                    Instant t = instant(v);
                    switch (e.type()) {
                        case GTE -> from = t;
                        case GT -> from = t.plusMillis(1);
                        case LT -> to = t;
                        default -> to = t.plusMillis(1);
                    }
                }
                default -> throw unsupported(e.type() + " (" + k + ")");
            }
        }

        private static List<String> once(List<String> existing, List<String> values, String key) {
            if (existing != null) {
                throw unsupported("two conditions on " + key);
            }
            return values;
        }
    }

    static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x)));
        } else {
            out.add(String.valueOf(v));
        }
        return out;
    }

    static Instant instant(Object v) {
        if (v instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        try {
            return Instant.parse(String.valueOf(v));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("filter", "occurred_at needs an ISO-8601 instant or epoch millis, got "
                    + v);
        }
    }

    static InvalidRequestException unsupported(String what) {
        return new InvalidRequestException("filter", "not supported by Astrocyte: " + what);
    }
}
