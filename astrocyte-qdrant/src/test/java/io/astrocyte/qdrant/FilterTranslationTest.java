package io.astrocyte.qdrant;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.api.TimeRange;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
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
 * {@link VectorFilters#matches} selects. Checked on thousands of random items and filters with the filter
 * rules of {@link SimulatedQdrantServer} (a simulation of Qdrant's documented semantics, not Qdrant; the
 * real-server contract tests run the real thing).
 */
class FilterTranslationTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

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
            boolean actual = SimulatedQdrantServer.matches(QdrantFilters.of(bank, f), null, PointCodec.payload(item));
            assertThat(actual).as("item %s with %s in %s", item, f, bank).isEqualTo(expected);
            checked++;
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("the random cases include matches and misses").isBetween(checked / 50, checked / 2);
    }
}
