package io.astrocyte.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule's {@code match} (SPEC §6.2): field tests combined with {@code all} (also the implicit combination of
 * keys side by side), {@code any} and {@code none}. Values compare by type: numbers numerically ({@code 50} equals
 * {@code 50.0}), strings and booleans exactly, with no coercion between them ({@code "5"} is not {@code 5},
 * {@code 1} is not {@code true}). On {@code tags}, {@code eq} means "has this tag" and {@code in} "has one of
 * these"; {@code present} means at least one tag.
 */
public sealed interface Condition {

    boolean test(MipInput input);

    /** The condition as data, for {@code explain} and the loaded model's description. */
    Object describe();

    /** How many field tests it makes: the specificity that {@code tie_breaker: most_specific} compares. */
    int specificity();

    /** The operators of a field test. */
    enum Op {
        EQ, IN, GT, GTE, LT, LTE, PRESENT, ABSENT;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One test of one field; {@code value} is {@code null} for {@code present} / {@code absent}. */
    record Field(String field, Op op, Object value) implements Condition {

        public Field {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
        }

        @Override
        public boolean test(MipInput input) {
            Object actual = Fields.value(field, input);
            boolean present = actual != null && !(actual instanceof List<?> l && l.isEmpty())
                    && !(actual instanceof String s && s.isEmpty());
            return switch (op) {
                case PRESENT -> present;
                case ABSENT -> !present;
                case EQ -> actual instanceof List<?> list ? list.stream().anyMatch(v -> same(v, value)) : same(actual, value);
                case IN -> ((List<?>) value).stream().anyMatch(v -> actual instanceof List<?> list
                        ? list.stream().anyMatch(a -> same(a, v)) : same(actual, v));
                case GT, GTE, LT, LTE -> compare(actual, value, op);
            };
        }

        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public Object describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", field);
            m.put("op", op.wireName());
            m.put("value", value);
            return m;
        }

        @Override
        public int specificity() {
            return 1;
        }

        static boolean same(Object a, Object b) {
            if (a == null || b == null) {
                return false;
            }
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
            }
            if (a instanceof Number || b instanceof Number || a instanceof Boolean || b instanceof Boolean) {
                return a.equals(b);
            }
            return a.toString().equals(b.toString());
        }

        private static boolean compare(Object actual, Object bound, Op op) {
            if (!(actual instanceof Number a) || !(bound instanceof Number b)) {
                return false;
            }
            int c = Double.compare(a.doubleValue(), b.doubleValue());
            return switch (op) {
                case GT -> c > 0;
                case GTE -> c >= 0;
                case LT -> c < 0;
                default -> c <= 0;
            };
        }
    }

    /** Every part holds; an empty list always holds ({@code all: []} matches everything). */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(MipInput input) {
            return parts.stream().allMatch(c -> c.test(input));
        }

        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public Object describe() {
            return Map.of("all", describeAll(parts));
        }

        @Override
        public int specificity() {
            return parts.stream().mapToInt(Condition::specificity).sum();
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(MipInput input) {
            return parts.stream().anyMatch(c -> c.test(input));
        }

        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public Object describe() {
            return Map.of("any", describeAll(parts));
        }

        @Override
        public int specificity() {
            return parts.stream().mapToInt(Condition::specificity).min().orElse(0);
        }
    }

    /** No part holds. */
    record None(List<Condition> parts) implements Condition {
        public None {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(MipInput input) {
            return parts.stream().noneMatch(c -> c.test(input));
        }

        @Override
        @com.fasterxml.jackson.annotation.JsonValue
        public Object describe() {
            return Map.of("none", describeAll(parts));
        }

        @Override
        public int specificity() {
            return parts.stream().mapToInt(Condition::specificity).sum();
        }
    }

    private static List<Object> describeAll(List<Condition> parts) {
        List<Object> out = new ArrayList<>();
        parts.forEach(p -> out.add(p.describe()));
        return out;
    }
}
