package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.contract.ContractItems;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest {

    @TempDir
    Path dir;

    private final ContractItems items = new ContractItems();

    @Test
    void everythingSurvivesCloseAndReopenIncludingForgottenState() {
        Instant forgotten = Instant.parse("2026-02-01T00:00:00Z");
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            store.storeVectors(List.of(items.item("a", "b", "kept"), items.item("z", "b", "dropped")));
            store.softDelete(List.of("z"), "b", forgotten);
        }
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            assertThat(store.count("b", VectorFilters.none())).isEqualTo(1);
            List<VectorItem> all = store.listVectors("b", null, 10, VectorFilters.none().withIncludeForgotten(true));
            assertThat(all).extracting(VectorItem::id).containsExactly("a", "z");
            assertThat(all.get(1).forgottenAt()).isEqualTo(forgotten);
            assertThat(store.searchSimilar(ContractItems.vector("kept"), "b", 5, VectorFilters.none()))
                    .extracting(VectorHit::id).containsExactly("a");
        }
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefused() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            assertThatThrownBy(() -> LuceneVectorStore.open(dir, 64, "hashing-64"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("already open");
            assertThat(store.health().healthy()).isTrue();
        }
    }

    @Test
    void anotherEmbeddingSpaceIsRefused() {
        LuceneVectorStore.open(dir, 64, "hashing-64").close();
        assertThatThrownBy(() -> LuceneVectorStore.open(dir, 384, "all-minilm-l6-v2-q"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("64-d").hasMessageContaining("384-d");
        assertThatThrownBy(() -> LuceneVectorStore.open(dir, 64, "other-model"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("other-model");
    }

    @Test
    void aVectorOfTheWrongSizeIsRefusedAndNothingIsWritten() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            VectorItem good = items.item("ok", "b", "fine");
            VectorItem bad = new VectorItem("bad", "b", new float[3], "wrong size", null, null, "world", null, "fact",
                    Instant.now(), null, null, null);
            assertThatThrownBy(() -> store.storeVectors(List.of(good, bad))).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.count("b", VectorFilters.none())).isZero();
        }
    }
}
