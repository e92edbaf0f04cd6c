package io.astrocyte.embedded.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorStore;
import io.astrocyte.spi.contract.ContractItems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vector_store: embedded} settings: checked by name, and the keyword search's BM25 k1 really applied. */
class EmbeddedVectorStoreFactoryTest {

    @TempDir
    Path dir;

    private final ContractItems items = new ContractItems();

    private VectorStore create(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of("path", dir.resolve("data-" + extra.hashCode()).toString(),
                "embedding_dimension", 64, "embedding_model", "hashing-64"));
        config.putAll(extra);
        return new EmbeddedVectorStoreFactory().create(config);
    }

    /** Normalized keyword scores of a memory that repeats the word and of one that says it once. */
    private List<VectorHit> repeatedVersusOnce(Map<String, Object> extra) throws Exception {
        VectorStore store = create(extra);
        try (store) {
            store.storeVectors(List.of(items.item("repeats", "b", "kayak kayak kayak kayak trip"),
                    items.item("once", "b", "kayak lake")));
            return ((KeywordIndex) store).searchKeyword("kayak", "b", 10, VectorFilters.none());
        }
    }

    @Test
    void keywordK1SetsHowFastTermFrequencySaturates() throws Exception {
        // k1 = 0: BM25 ignores how often and in how long a text the word occurs, so both score the same
        List<VectorHit> flat = repeatedVersusOnce(Map.of("keyword_k1", 0));
        assertThat(flat).extracting(VectorHit::score).containsExactly(1.0, 1.0);
        // the default (0.5) still rewards repetition, a little: the memory that repeats it ranks first
        List<VectorHit> saturating = repeatedVersusOnce(Map.of());
        assertThat(saturating).extracting(VectorHit::id).containsExactly("repeats", "once");
        assertThat(saturating.get(1).score()).isLessThan(1.0).isGreaterThan(0.8);
        List<VectorHit> lucene = repeatedVersusOnce(Map.of("keyword_k1", 1.2));
        assertThat(lucene.get(1).score()).as("Lucene's k1 rewards repetition more")
                .isLessThan(saturating.get(1).score());
    }

    @Test
    void badSettingsAreRefusedByName() {
        assertThatThrownBy(() -> create(Map.of("keyword_k1", -0.5))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vector_store_config.keyword_k1");
        assertThatThrownBy(() -> create(Map.of("keyword_k1", "high"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vector_store_config.keyword_k1");
        assertThatThrownBy(() -> create(Map.of("keyword_k2", 1))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vector_store_config.keyword_k2").hasMessageContaining("keyword_k1");
    }
}
