package io.astrocyte.store.memory;

import io.astrocyte.spi.HealthStatus;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Test support: a store that forwards every call, so a test double can override just one method. */
public class ForwardingVectorStore implements VectorStore, KeywordIndex {

    private final InMemoryVectorStore delegate;

    public ForwardingVectorStore(InMemoryVectorStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return "forwarding-test-double";
    }

    @Override
    public List<String> storeVectors(List<VectorItem> items) {
        return delegate.storeVectors(items);
    }

    @Override
    public List<VectorHit> searchSimilar(float[] vector, String bankId, int limit, VectorFilters filters) {
        return delegate.searchSimilar(vector, bankId, limit, filters);
    }

    @Override
    public List<VectorHit> searchKeyword(String query, String bankId, int limit, VectorFilters filters) {
        return delegate.searchKeyword(query, bankId, limit, filters);
    }

    @Override
    public List<VectorItem> listVectors(String bankId, ListCursor after, int limit, VectorFilters filters) {
        return delegate.listVectors(bankId, after, limit, filters);
    }

    @Override
    public List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters) {
        return delegate.listRecent(bankId, limit, filters);
    }

    @Override
    public List<VectorItem> nextItems(String bankId, List<io.astrocyte.spi.ListCursor> cursors,
            VectorFilters filters) {
        return delegate.nextItems(bankId, cursors, filters);
    }

    @Override
    public List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters, java.time.Instant notBefore) {
        return delegate.listRecent(bankId, limit, filters, notBefore);
    }

    @Override
    public long count(String bankId, VectorFilters filters) {
        return delegate.count(bankId, filters);
    }

    @Override
    public int softDelete(Collection<String> ids, String bankId, Instant forgottenAt) {
        return delegate.softDelete(ids, bankId, forgottenAt);
    }

    @Override
    public int delete(Collection<String> ids, String bankId) {
        return delegate.delete(ids, bankId);
    }

    @Override
    public int archive(Collection<String> ids, String bankId, Instant archivedAt) {
        return delegate.archive(ids, bankId, archivedAt);
    }

    @Override
    public void recordRecalls(String bankId, java.util.Map<String, io.astrocyte.spi.RecallStats> increments) {
        delegate.recordRecalls(bankId, increments);
    }

    @Override
    public boolean keepsRecallStats() {
        return delegate.keepsRecallStats();
    }

    @Override
    public HealthStatus health() {
        return delegate.health();
    }
}
