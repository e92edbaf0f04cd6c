package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.contract.ContractItems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes acknowledged between commits come back from the translog after a crash. */
class TranslogReplayTest {

    private static final LuceneVectorStore.Options NEVER_COMMIT =
            new LuceneVectorStore.Options(LuceneVectorStore.DEFAULT_EXACT_SEARCH_THRESHOLD, Duration.ofHours(1));

    @TempDir
    Path dir;

    private final ContractItems items = new ContractItems();

    private LuceneVectorStore open() {
        return LuceneVectorStore.open(dir, 64, "hashing-64", NEVER_COMMIT);
    }

    @Test
    void storesForgetsAndPurgesAreReplayedInOrder() throws Exception {
        Instant forgotten = Instant.parse("2026-05-05T05:05:05.005Z");
        LuceneVectorStore store = open();
        store.storeVectors(List.of(items.item("a", "b", "alpha"), items.item("b", "b", "beta")));
        store.softDelete(List.of("a"), "b", forgotten);
        store.storeVectors(List.of(items.item("c", "b", "gamma")));
        store.delete(List.of("c"), "b");
        store.storeVectors(List.of(items.item("b", "b", "beta replaced")));
        store.crashForTesting();

        try (LuceneVectorStore reopened = open()) {
            List<VectorItem> all = reopened.listVectors("b", null, 10, VectorFilters.none().withIncludeForgotten(true));
            assertThat(all).extracting(VectorItem::id).containsExactlyInAnyOrder("a", "b");
            assertThat(all).filteredOn(i -> i.id().equals("a")).singleElement()
                    .extracting(VectorItem::forgottenAt).isEqualTo(forgotten);
            assertThat(all).filteredOn(i -> i.id().equals("b")).singleElement()
                    .extracting(VectorItem::text).isEqualTo("beta replaced");
            assertThat(reopened.count("b", VectorFilters.none())).isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(dir.resolve("translog"))) {
            assertThat(files.filter(p -> p.toFile().length() > 0).count()).as("replayed records were committed").isZero();
        }
    }

    @Test
    void archivesAndRecallStatisticsAreReplayedAndSurviveACleanReopen() throws Exception {
        Instant archived = Instant.parse("2026-06-01T00:00:00Z");
        Instant recalled = Instant.parse("2026-05-01T12:00:00Z");
        LuceneVectorStore store = open();
        store.storeVectors(List.of(items.item("a", "b", "alpha"), items.item("z", "b", "zeta")));
        store.recordRecalls("b", java.util.Map.of("z", new io.astrocyte.spi.RecallStats(2, recalled)));
        store.recordRecalls("b", java.util.Map.of("z", new io.astrocyte.spi.RecallStats(1, recalled.minusSeconds(60))));
        store.archive(List.of("a"), "b", archived);
        store.crashForTesting();

        for (int round = 0; round < 2; round++) { // replayed from the translog, then from the commit
            try (LuceneVectorStore reopened = open()) {
                List<VectorItem> all = reopened.listItems("b", null, 10, VectorFilters.none().withIncludeArchived(true));
                assertThat(all).filteredOn(i -> i.id().equals("a")).singleElement()
                        .extracting(VectorItem::archivedAt).isEqualTo(archived);
                assertThat(all).filteredOn(i -> i.id().equals("z")).singleElement()
                        .extracting(VectorItem::recalls).isEqualTo(new io.astrocyte.spi.RecallStats(3, recalled));
                assertThat(reopened.count("b", VectorFilters.none())).isEqualTo(1);
            }
        }
    }

    @Test
    void aTornLastRecordIsIgnored() throws Exception {
        LuceneVectorStore store = open();
        store.storeVectors(List.of(items.item("kept", "b", "acknowledged")));
        store.crashForTesting();
        Path log;
        try (Stream<Path> files = Files.list(dir.resolve("translog"))) {
            log = files.filter(p -> p.toFile().length() > 0).findFirst().orElseThrow();
        }
        Files.writeString(log, "0badc0de {\"op\":\"store\",\"ite", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (LuceneVectorStore reopened = open()) {
            assertThat(reopened.listVectors("b", null, 10, VectorFilters.none())).extracting(VectorItem::id)
                    .containsExactly("kept");
        }
    }

    @Test
    void aCleanCloseCommitsAndEmptiesTheTranslog() throws Exception {
        try (LuceneVectorStore store = open()) {
            store.storeVectors(List.of(items.item("x", "b", "text")));
        }
        try (Stream<Path> files = Files.list(dir.resolve("translog"))) {
            assertThat(files.filter(p -> p.toFile().length() > 0).count()).isZero();
        }
        try (LuceneVectorStore reopened = open()) {
            assertThat(reopened.count("b", VectorFilters.none())).isEqualTo(1);
        }
    }
}
