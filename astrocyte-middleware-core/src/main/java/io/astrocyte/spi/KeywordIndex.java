package io.astrocyte.spi;

import java.util.List;

/**
 * Full-text (BM25) search over the items a {@link VectorStore} holds. A backend that offers keyword
 * search implements this on the same class as its {@code VectorStore} and indexes text as part of
 * {@link VectorStore#storeVectors}, so that the two never disagree about what exists (SPEC §4.1
 * DocumentStore, folded into the store).
 */
public interface KeywordIndex {

    /**
     * The {@code limit} items that best match {@code query} under BM25, best first, with scores scaled to
     * {@code [0,1]} relative to the best hit.
     */
    List<VectorHit> searchKeyword(String query, String bankId, int limit, VectorFilters filters);
}
