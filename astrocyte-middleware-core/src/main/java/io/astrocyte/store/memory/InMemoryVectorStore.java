package io.astrocyte.store.memory;

import io.astrocyte.embedding.Vectors;
import io.astrocyte.spi.HealthStatus;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A store that keeps everything in the heap: exact cosine search and BM25 over a scan of the bank.
 * Nothing survives the process, so it is for tests, demos and short-lived agents; select it with
 * {@code vector_store: in_memory}. Thread-safe.
 */
public final class InMemoryVectorStore implements VectorStore, KeywordIndex {

    private static final Comparator<VectorItem> LIST_ORDER =
            Comparator.comparing(VectorItem::retainedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(VectorItem::id);

    private final Map<String, Map<String, VectorItem>> banks = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Bm25 bm25 = new Bm25();

    @Override
    public String name() {
        return "in_memory";
    }

    @Override
    public List<String> storeVectors(List<VectorItem> items) {
        List<String> ids = new ArrayList<>(items.size());
        lock.writeLock().lock();
        try {
            for (VectorItem item : items) {
                VectorItem stored = item.vector() == null ? item : item.withVector(Vectors.normalized(item.vector()));
                banks.computeIfAbsent(item.bankId(), b -> new LinkedHashMap<>()).put(item.id(), stored);
                ids.add(item.id());
            }
        } finally {
            lock.writeLock().unlock();
        }
        return ids;
    }

    @Override
    public List<VectorHit> searchSimilar(float[] vector, String bankId, int limit, VectorFilters filters) {
        float[] query = Vectors.normalized(vector);
        List<VectorHit> hits = new ArrayList<>();
        for (VectorItem item : matching(bankId, filters)) {
            if (item.vector() != null) {
                hits.add(item.toHit(Vectors.unitScore(query, item.vector())));
            }
        }
        return top(hits, limit);
    }

    @Override
    public List<VectorHit> searchKeyword(String query, String bankId, int limit, VectorFilters filters) {
        List<VectorItem> candidates = matching(bankId, filters);
        return top(bm25.score(query, candidates, allText(bankId)), limit);
    }

    @Override
    public List<VectorItem> listVectors(String bankId, ListCursor after, int limit, VectorFilters filters) {
        List<VectorItem> items = matching(bankId, filters);
        if (after != null) {
            items.removeIf(i -> !after.isBefore(i));
        }
        items.sort(LIST_ORDER);
        return List.copyOf(items.subList(0, Math.max(0, Math.min(items.size(), limit))));
    }

    @Override
    public List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters) {
        List<VectorItem> items = matching(bankId, filters);
        items.removeIf(i -> i.eventTime() == null);
        items.sort(Comparator.comparing(VectorItem::eventTime).reversed().thenComparing(VectorItem::id));
        List<VectorHit> hits = new ArrayList<>();
        for (VectorItem i : items.subList(0, Math.min(limit, items.size()))) {
            hits.add(i.toHit(0));
        }
        return hits;
    }

    @Override
    public long count(String bankId, VectorFilters filters) {
        return matching(bankId, filters).size();
    }

    @Override
    public int softDelete(Collection<String> ids, String bankId, Instant forgottenAt) {
        return mutate(bankId, bank -> {
            int n = 0;
            for (String id : ids) {
                VectorItem item = bank.get(id);
                if (item != null && item.forgottenAt() == null) {
                    bank.put(id, item.forgotten(forgottenAt));
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public int delete(Collection<String> ids, String bankId) {
        return mutate(bankId, bank -> {
            int n = 0;
            for (String id : ids) {
                if (bank.remove(id) != null) {
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public int archive(Collection<String> ids, String bankId, Instant archivedAt) {
        return mutate(bankId, bank -> {
            int n = 0;
            for (String id : new java.util.LinkedHashSet<>(ids)) {
                VectorItem item = bank.get(id);
                if (item != null && item.forgottenAt() == null && item.archivedAt() == null) {
                    bank.put(id, item.archived(archivedAt));
                    n++;
                }
            }
            return n;
        });
    }

    @Override
    public void recordRecalls(String bankId, Map<String, io.astrocyte.spi.RecallStats> increments) {
        mutate(bankId, bank -> {
            increments.forEach((id, more) -> bank.computeIfPresent(id, (k, item) -> item.withRecalls(item.recalls().plus(more))));
            return 0;
        });
    }

    @Override
    public boolean keepsRecallStats() {
        return true;
    }

    /** Applies a change to an existing bank under the write lock; an unknown bank changes nothing. */
    private int mutate(String bankId, java.util.function.ToIntFunction<Map<String, VectorItem>> change) {
        lock.writeLock().lock();
        try {
            Map<String, VectorItem> bank = banks.get(bankId);
            return bank == null ? 0 : change.applyAsInt(bank);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public HealthStatus health() {
        return HealthStatus.up("in-memory");
    }

    private List<VectorItem> matching(String bankId, VectorFilters filters) {
        lock.readLock().lock();
        try {
            Map<String, VectorItem> bank = banks.get(bankId);
            List<VectorItem> out = new ArrayList<>();
            if (bank != null) {
                for (VectorItem item : bank.values()) {
                    if (filters.matches(item)) {
                        out.add(item);
                    }
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every text in the bank, forgotten or not, as the corpus for BM25 statistics. */
    private List<String> allText(String bankId) {
        lock.readLock().lock();
        try {
            Map<String, VectorItem> bank = banks.get(bankId);
            List<String> out = new ArrayList<>();
            if (bank != null) {
                bank.values().forEach(i -> out.add(i.text()));
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static List<VectorHit> top(List<VectorHit> hits, int limit) {
        hits.sort(Comparator.comparingDouble(VectorHit::score).reversed().thenComparing(VectorHit::id));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }
}
