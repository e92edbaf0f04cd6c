package io.astrocyte.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.api.TimeRange;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Qdrant filter {@link QdrantFilters} builds must select exactly the items the reference
 * {@link VectorFilters#matches} selects. Checked on thousands of random items and filters with
 * {@link #eval}, a test double that evaluates the conditions the store uses by Qdrant's documented rules
 * (must all / should any; keyword and match-any on scalars and arrays; ranges never match a missing field;
 * is_empty matches a missing, null or empty field). It is not Qdrant; the contract tests run the real thing.
 */
class FilterTranslationTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static boolean eval(Filter f, Map<String, Value> payload) {
        for (Condition c : f.getMustList()) {
            if (!eval(c, payload)) {
                return false;
            }
        }
        for (Condition c : f.getMustNotList()) {
            if (eval(c, payload)) {
                return false;
            }
        }
        return f.getShouldCount() == 0 || f.getShouldList().stream().anyMatch(c -> eval(c, payload));
    }

    private static boolean eval(Condition c, Map<String, Value> payload) {
        switch (c.getConditionOneOfCase()) {
            case FILTER:
                return eval(c.getFilter(), payload);
            case IS_EMPTY: {
                Value v = payload.get(c.getIsEmpty().getKey());
                return v == null || v.hasNullValue() || v.hasListValue() && v.getListValue().getValuesCount() == 0;
            }
            case FIELD: {
                FieldCondition fc = c.getField();
                List<Value> values = new ArrayList<>();
                Value v = payload.get(fc.getKey());
                if (v != null && v.hasListValue()) {
                    values.addAll(v.getListValue().getValuesList());
                } else if (v != null && !v.hasNullValue()) {
                    values.add(v);
                }
                if (fc.hasMatch()) {
                    if (fc.getMatch().hasKeyword()) {
                        return values.stream().anyMatch(x -> x.getStringValue().equals(fc.getMatch().getKeyword()));
                    }
                    if (fc.getMatch().hasKeywords()) {
                        return values.stream().anyMatch(x -> fc.getMatch().getKeywords().getStringsList()
                                .contains(x.getStringValue()));
                    }
                }
                if (fc.hasRange()) {
                    var r = fc.getRange();
                    return values.stream().filter(Value::hasIntegerValue).anyMatch(x -> {
                        double n = x.getIntegerValue();
                        return (!r.hasGt() || n > r.getGt()) && (!r.hasGte() || n >= r.getGte())
                                && (!r.hasLt() || n < r.getLt()) && (!r.hasLte() || n <= r.getLte());
                    });
                }
                throw new IllegalArgumentException("condition not modelled: " + c);
            }
            default:
                throw new IllegalArgumentException("condition not modelled: " + c);
        }
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static Instant time(Random r) {
        return r.nextInt(5) == 0 ? null : T.plusMillis(r.nextInt(6) * 1000L);
    }

    private static VectorItem randomItem(Random r, int n) {
        List<String> tags = new ArrayList<>(new HashSet<>(List.of(pick(r, List.of("a", "b", "c")),
                pick(r, List.of("b", "d")))).stream().limit(r.nextInt(3)).toList());
        Map<String, Object> meta = new HashMap<>();
        if (r.nextBoolean()) {
            meta.put("k", pick(r, List.of("x", "y", 3, 3.0, true)));
        }
        if (r.nextBoolean()) {
            meta.put("session_id", pick(r, List.of("s1", "s2", 7)));
        }
        Instant retained = T.plusMillis(r.nextInt(6) * 1000L);
        Instant forgotten = r.nextInt(3) == 0 ? retained.plusMillis(r.nextInt(4) * 1000L) : null;
        return new VectorItem("m" + n, pick(r, List.of("b1", "b2")), new float[] {1}, "t", meta, tags,
                pick(r, java.util.Arrays.asList("world", "experience", null)), time(r), "fact", retained, null, null,
                forgotten);
    }

    private static VectorFilters randomFilters(Random r) {
        Set<String> tags = r.nextBoolean() ? Set.of() : Set.of(pick(r, List.of("a", "b", "d", "z")));
        Set<String> facts = r.nextBoolean() ? Set.of() : Set.of(pick(r, List.of("world", "experience")));
        TimeRange range = null;
        if (r.nextInt(3) == 0) {
            Instant from = r.nextBoolean() ? null : T.plusMillis(r.nextInt(3) * 1000L);
            Instant to = r.nextBoolean() ? null : T.plusMillis(3000 + r.nextInt(3) * 1000L);
            range = new TimeRange(from, to);
        }
        Map<String, Object> meta = r.nextInt(3) == 0 ? Map.of("k", pick(r, List.of("x", 3L, 3, "3", true)))
                : Map.of();
        Instant asOf = r.nextInt(3) == 0 ? T.plusMillis(r.nextInt(7) * 1000L) : null;
        String session = r.nextInt(4) == 0 ? pick(r, List.of("s1", "7")) : null;
        return new VectorFilters(tags, facts, range, meta, asOf, session, r.nextInt(5) == 0);
    }

    @Test
    void qdrantFilterSelectsExactlyWhatTheReferenceSelects() {
        Random r = new Random(20261124);
        int checked = 0;
        int matched = 0;
        for (int i = 0; i < 5000; i++) {
            VectorItem item = randomItem(r, i);
            VectorFilters f = randomFilters(r);
            String bank = pick(r, List.of("b1", "b2"));
            boolean expected = item.bankId().equals(bank) && f.matches(item);
            boolean actual = eval(QdrantFilters.of(bank, f), PointCodec.payload(item));
            assertThat(actual).as("item %s with %s in %s", item, f, bank).isEqualTo(expected);
            checked++;
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("the random cases include matches and misses").isBetween(checked / 50, checked / 2);
    }
}
