package io.astrocyte.policy.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.MemoryEvent;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.api.RetentionAction;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.embedding.Vectors;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code signal_quality.dedup}: near-duplicates found through the store, each action as configured. */
class DedupTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final HashingEmbedder EMBEDDER = new HashingEmbedder(256);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<MemoryEvent> events = new CopyOnWriteArrayList<>();

    private final io.astrocyte.MutableTestClock clock = new io.astrocyte.MutableTestClock(
            Instant.parse("2026-05-01T09:00:00Z"));

    private Astrocyte open(VectorStore store, Map<String, Object> dedup) {
        return openWith(store, Map.of("signal_quality", Map.of("dedup", dedup)));
    }

    /** Paragraph chunks of at most 90 characters, so each paragraph below is its own chunk. */
    private Astrocyte openWith(VectorStore store, Map<String, ?> config) {
        Map<String, Object> withChunks = new HashMap<>(config);
        withChunks.put("pipeline", Map.of("chunker", Map.of("strategy", "paragraph", "max_size", 90, "overlap", 0)));
        return Astrocyte.builder().vectorStore(store).embedder(EMBEDDER).meterRegistry(meters).clock(clock)
                .listener(events::add).config(new ConfigLoader(k -> null).fromMap(withChunks)).build();
    }

    private static double cosine(String a, String b) {
        return Vectors.dot(Vectors.normalized(EMBEDDER.embed(a)), Vectors.normalized(EMBEDDER.embed(b)));
    }

    private static RetainResult retain(Astrocyte brain, String bank, String text) {
        return brain.retain(RetainRequest.of(bank, text), ALICE);
    }

    private double dedupCount(String action) {
        var c = meters.find("astrocyte.dedup").tag("action", action).counter();
        return c == null ? 0 : c.count();
    }

    /** Three paragraphs, so the content becomes three chunks; {@code middle} varies the second. */
    private static String threeParagraphs(String middle) {
        return "Alice moved to Lisbon in March and rents a flat near the river with a small balcony.\n\n"
                + middle + "\n\n"
                + "She plays the cello in an amateur orchestra that rehearses every Thursday evening.";
    }

    @Test
    void byDefaultARepeatIsNotStoredAndNamesTheMemoryItRepeats() {
        try (Astrocyte brain = open(new InMemoryVectorStore(), Map.of())) {
            RetainResult first = retain(brain, "diary", "Alice prefers green tea without sugar");
            RetainResult again = retain(brain, "diary", "Alice prefers green tea without sugar!");
            assertThat(again.stored()).isFalse();
            assertThat(again.deduplicated()).isTrue();
            assertThat(again.retentionAction()).isEqualTo(RetentionAction.SKIP);
            assertThat(again.memoryId()).isEqualTo(first.memoryId());
            assertThat(again.error()).isEqualTo("All chunks are near-duplicates");
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(1);
            assertThat(retain(brain, "other-bank", "Alice prefers green tea without sugar").stored())
                    .as("banks are deduplicated separately").isTrue();
            assertThat(dedupCount("skip_chunk")).isEqualTo(1);
        }
    }

    @Test
    void theThresholdDecidesWhatCountsAsADuplicate() {
        String a = "Alice prefers green tea without sugar in the morning";
        String b = "Alice prefers green tea without sugar in the evening";
        double similarity = cosine(a, b);
        assertThat(similarity).as("the pair is similar but not identical").isBetween(0.5, 0.99);
        try (Astrocyte strict = open(new InMemoryVectorStore(), Map.of("similarity_threshold",
                Math.min(1.0, similarity + 0.01)))) {
            retain(strict, "diary", a);
            assertThat(retain(strict, "diary", b).stored()).as("below the threshold").isTrue();
        }
        try (Astrocyte loose = open(new InMemoryVectorStore(), Map.of("similarity_threshold", similarity - 0.01))) {
            retain(loose, "diary", a);
            assertThat(retain(loose, "diary", b).deduplicated()).as("at or above the threshold").isTrue();
        }
    }

    @Test
    void skipChunkStoresOnlyTheNewChunksAndDropsRepeatsWithinOneRetain() {
        try (Astrocyte brain = open(new InMemoryVectorStore(), Map.of())) {
            retain(brain, "diary", "Alice moved to Lisbon in March and rents a flat near the river with a small balcony.");
            RetainResult r = retain(brain, "diary",
                    threeParagraphs("Her brother Tom visits every summer and brings his two dogs along."));
            assertThat(r.stored()).isTrue();
            assertThat(r.deduplicated()).isTrue();
            assertThat(r.retentionAction()).isEqualTo(RetentionAction.ADD);
            assertThat(r.memoryIds()).as("the Lisbon paragraph was already known").hasSize(2);
            String dogs = "Tom has two dogs called Rex and Bella, both rescued terriers.";
            RetainResult repeated = retain(brain, "notes", dogs + "\n\n" + dogs
                    + "\n\nTom lives in Porto near the old cathedral with his wife Ana.");
            assertThat(repeated.memoryIds()).as("the repeated paragraph is stored once").hasSize(2);
        }
    }

    @Test
    void skipStoresNothingWhenAnyChunkIsADuplicate() {
        try (Astrocyte brain = open(new InMemoryVectorStore(), Map.of("action", "skip"))) {
            RetainResult known = retain(brain, "diary",
                    "She plays the cello in an amateur orchestra that rehearses every Thursday evening.");
            RetainResult r = retain(brain, "diary",
                    threeParagraphs("Her brother Tom visits every summer and brings his two dogs along."));
            assertThat(r.stored()).isFalse();
            assertThat(r.retentionAction()).isEqualTo(RetentionAction.SKIP);
            assertThat(r.memoryId()).isEqualTo(known.memoryId());
            assertThat(r.error()).isEqualTo("Near-duplicate of memory " + known.memoryId());
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(1);
        }
    }

    @Test
    void warnStoresEverythingAndReportsTheDuplicate() {
        try (Astrocyte brain = open(new InMemoryVectorStore(), Map.of("action", "warn"))) {
            RetainResult first = retain(brain, "diary", "Alice prefers green tea without sugar");
            RetainResult again = retain(brain, "diary", "Alice prefers green tea without sugar");
            assertThat(again.stored()).isTrue();
            assertThat(again.deduplicated()).isTrue();
            assertThat(again.retentionAction()).isEqualTo(RetentionAction.ADD);
            assertThat(again.memoryId()).isNotEqualTo(first.memoryId());
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(2);
            assertThat(dedupCount("warn")).isEqualTo(1);
        }
    }

    @Test
    void updateReplacesTheDuplicateAndHistoryStillShowsTheOldOne() throws Exception {
        try (Astrocyte brain = open(new InMemoryVectorStore(), Map.of("action", "update",
                "similarity_threshold", 0.6))) {
            RetainResult old = retain(brain, "diary", "Alice's favourite tea is green tea without sugar");
            clock.advance(1);
            Instant between = clock.instant();
            clock.advance(1);
            RetainResult updated = retain(brain, "diary", "Alice's favourite tea is green tea with honey");
            assertThat(updated.stored()).isTrue();
            assertThat(updated.retentionAction()).isEqualTo(RetentionAction.UPDATE);
            assertThat(updated.deduplicated()).isTrue();
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(1);
            assertThat(brain.recall(RecallRequest.of("diary", "favourite tea"), ALICE).hits())
                    .extracting(h -> h.memoryId()).containsExactly(updated.memoryId());
            assertThat(brain.history(HistoryRequest.of("diary", "favourite tea", between), ALICE)
                    .hits()).extracting(h -> h.memoryId()).containsExactly(old.memoryId());
        }
    }

    @Test
    void theStoreIsAskedSoDuplicatesAreFoundAcrossInstancesAndFarBeyondAnyWindow() {
        InMemoryVectorStore store = new InMemoryVectorStore();
        try (Astrocyte first = open(store, Map.of())) {
            retain(first, "diary", "The very first thing Alice told us: she was born in Coimbra");
            for (int i = 0; i < 1200; i++) {
                retain(first, "diary", "filler memory number " + i + " about topic " + (i * 31 % 997));
            }
        }
        try (Astrocyte second = open(store, Map.of())) {
            RetainResult r = retain(second, "diary", "The very first thing Alice told us: she was born in Coimbra");
            assertThat(r.deduplicated()).as("a fresh instance over the same store, 1200 memories later").isTrue();
            assertThat(r.stored()).isFalse();
        }
    }

    @Test
    void concurrentRetainsOfTheSameContentStoreItOnce() throws Exception {
        try (Astrocyte brain = open(new InMemoryVectorStore(), Map.of())) {
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RetainResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return retain(brain, "diary", "Alice's locker code changed on Monday");
                }));
            }
            start.countDown();
            int stored = 0;
            for (Future<RetainResult> f : results) {
                stored += f.get().stored() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(stored).isEqualTo(1);
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(1);
        }
    }

    @Test
    void perBankSettingsAndProfilesAreHonoured() {
        Map<String, Object> config = new HashMap<>();
        config.put("banks", Map.of("scratch", Map.of("signal_quality", Map.of("dedup", Map.of("enabled", false))),
                "lab", Map.of("profile", "minimal")));
        try (Astrocyte brain = openWith(new InMemoryVectorStore(), config)) {
            for (String bank : List.of("scratch", "lab", "diary")) {
                retain(brain, bank, "Alice prefers green tea without sugar");
                retain(brain, bank, "Alice prefers green tea without sugar");
            }
            assertThat(brain.memoryCount("scratch", ALICE)).as("dedup off for this bank").isEqualTo(2);
            assertThat(brain.memoryCount("lab", ALICE)).as("the minimal profile turns dedup off").isEqualTo(2);
            assertThat(brain.memoryCount("diary", ALICE)).as("global default").isEqualTo(1);
        }
    }

    @Test
    void aHookHearsAboutDuplicatesWithoutTheirText() throws Exception {
        try (Astrocyte brain = open(new InMemoryVectorStore(), Map.of())) {
            retain(brain, "diary", "Alice prefers green tea without sugar");
            retain(brain, "diary", "Alice prefers green tea without sugar");
        } // close() delivers every pending event
        MemoryEvent e = events.stream().filter(x -> x.type().equals("on_dedup_detected")).findFirst().orElseThrow();
        assertThat(e.bankId()).isEqualTo("diary");
        assertThat(e.data()).containsEntry("action", "skip_chunk").containsEntry("duplicate_count", 1)
                .containsKey("duplicate_of");
        assertThat(e.data().toString()).doesNotContain("green tea");
    }
}
