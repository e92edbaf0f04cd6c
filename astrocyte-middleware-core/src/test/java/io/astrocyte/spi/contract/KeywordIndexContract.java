package io.astrocyte.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance suite for a store's {@link KeywordIndex}: BM25 ranking, score range, and the same
 * filters, bank isolation and soft-delete visibility as similarity search.
 */
public abstract class KeywordIndexContract {

    @TempDir
    protected Path dataDir;

    protected VectorStore store;
    protected KeywordIndex keywords;
    protected final ContractItems items = new ContractItems();

    /** A fresh, empty store that also implements {@link KeywordIndex}, for 64-dimensional vectors. */
    protected abstract VectorStore createStore(Path dir) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = createStore(dataDir);
        assertThat(store).isInstanceOf(KeywordIndex.class);
        keywords = (KeywordIndex) store;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private List<String> ids(List<VectorHit> hits) {
        return hits.stream().map(VectorHit::id).toList();
    }

    private void seed() {
        store.storeVectors(List.of(
                items.item("k1", "b", "Caroline went to the LGBTQ support group on Tuesday", List.of("group"),
                        Map.of("speaker", "Caroline"), null, "world"),
                items.item("k2", "b", "Melanie painted a sunrise over the lake", List.of("art"),
                        Map.of("speaker", "Melanie"), null, "world"),
                items.item("k3", "b", "The support group meets every week; support matters", List.of(),
                        Map.of(), null, "world"),
                items.item("k4", "other", "support group in another bank")));
    }

    @Test
    void ranksByTermMatchesBestFirstWithScoresInUnitRange() {
        seed();
        List<VectorHit> hits = keywords.searchKeyword("support group", "b", 10, VectorFilters.none());
        assertThat(ids(hits)).containsExactlyInAnyOrder("k1", "k3");
        assertThat(hits.get(0).score()).isEqualTo(1.0);
        for (VectorHit h : hits) {
            assertThat(h.score()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aQueryWithNoMatchingTermFindsNothing() {
        seed();
        assertThat(keywords.searchKeyword("zebra xylophone", "b", 10, VectorFilters.none())).isEmpty();
        assertThat(keywords.searchKeyword("", "b", 10, VectorFilters.none())).isEmpty();
    }

    @Test
    void queriesWithPunctuationAndOperatorsAreTakenLiterally() {
        seed();
        assertThat(ids(keywords.searchKeyword("Melanie: (painted) AND \"sunrise\"?", "b", 10, VectorFilters.none())))
                .contains("k2");
    }

    @Test
    void filtersAndBankIsolationApply() {
        seed();
        VectorFilters tagged = new VectorFilters(Set.of("group"), null, null, null, null, null, false);
        assertThat(ids(keywords.searchKeyword("support group", "b", 10, tagged))).containsExactly("k1");
        VectorFilters meta = new VectorFilters(null, null, null, Map.of("speaker", "Melanie"), null, null, false);
        assertThat(ids(keywords.searchKeyword("sunrise support", "b", 10, meta))).containsExactly("k2");
        assertThat(ids(keywords.searchKeyword("support group", "other", 10, VectorFilters.none())))
                .containsExactly("k4");
    }

    @Test
    void softDeletedItemsAreHiddenUnlessAsOfIsEarlier() {
        seed();
        Instant at = ContractItems.T0.plusSeconds(3600); // an hour after the fixtures were retained
        store.softDelete(List.of("k1"), "b", at);
        assertThat(ids(keywords.searchKeyword("Caroline support", "b", 10, VectorFilters.none())))
                .doesNotContain("k1");
        assertThat(ids(keywords.searchKeyword("Caroline support", "b", 10,
                VectorFilters.none().withAsOf(at.minusSeconds(1))))).contains("k1");
    }

    @Test
    void archivedItemsAreHiddenUnlessAskedFor() {
        seed();
        store.archive(List.of("k1"), "b", ContractItems.T0.plusSeconds(3600));
        assertThat(ids(keywords.searchKeyword("Caroline support", "b", 10, VectorFilters.none())))
                .doesNotContain("k1").contains("k3");
        assertThat(ids(keywords.searchKeyword("Caroline support", "b", 10,
                VectorFilters.none().withIncludeArchived(true)))).contains("k1", "k3");
    }

    @Test
    void honoursTheLimit() {
        seed();
        assertThat(keywords.searchKeyword("support group", "b", 1, VectorFilters.none())).hasSize(1);
    }
}
