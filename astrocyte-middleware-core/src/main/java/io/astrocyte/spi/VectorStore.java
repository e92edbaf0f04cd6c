package io.astrocyte.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Tier-1 retrieval backend: stores memory items with their vectors and finds them again (SPEC §4.1).
 * Every method is scoped to one bank; a backend must never return an item of another bank. Calls are
 * blocking and may come from many threads at once; the facade provides the async API on top.
 *
 * <p>Times: backends keep instants to the millisecond; the pipeline stamps millisecond instants.
 *
 * <p>Durability: when {@link #storeVectors} returns, the items must survive a crash of the process.
 * Conformance: extend {@code io.astrocyte.spi.contract.VectorStoreContract} from the core test-jar.
 */
public interface VectorStore extends AutoCloseable {

    /**
     * The SPI version this interface describes; the facade refuses a backend that reports another. Version 3
     * added archiving ({@link #archive}, {@link VectorFilters#includeArchived()}) and recall statistics
     * ({@link #recordRecalls}); version 2 added cursor paging.
     */
    int SPI_VERSION = 3;

    default int spiVersion() {
        return SPI_VERSION;
    }

    /** Short provider name used in errors, traces and metrics, e.g. {@code embedded}. */
    String name();

    /** Stores items (inserting or replacing by id within the bank) and returns their ids in order. */
    List<String> storeVectors(List<VectorItem> items);

    /**
     * The {@code limit} items most similar to {@code vector} (cosine), best first, each scored
     * {@code (1 + cosine) / 2} so that scores lie in {@code [0, 1]} and mean the same on every backend: dedup
     * turns them back into cosine similarity to compare with its threshold.
     */
    List<VectorHit> searchSimilar(float[] vector, String bankId, int limit, VectorFilters filters);

    /**
     * The live item of the bank nearest to {@code vector}, scored as in {@link #searchSimilar}; empty when the
     * bank holds no live item. Dedup asks this on every retain, so like any read it must reflect every
     * acknowledged write and delete, but a backend may get there more cheaply than a full search, e.g. from a
     * slightly older index view plus its own record of the writes since. The default is a one-hit
     * {@link #searchSimilar} without filters.
     */
    default Optional<VectorHit> nearestLive(float[] vector, String bankId) {
        List<VectorHit> hits = searchSimilar(vector, bankId, 1, VectorFilters.none());
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    /**
     * Up to {@code limit} items matching {@code filters} (live ones only, unless
     * {@link VectorFilters#includeForgotten()}) in ({@code retained_at}, id) order, starting just after
     * {@code after} ({@code null}: from the first). The next page starts after {@link ListCursor#afterLast} of
     * this one; a page shorter than {@code limit} is the last. Ids compare as the backend sorts them, the
     * same way on every call (a backend whose own order differs from {@link String#compareTo} must page by it
     * consistently).
     */
    List<VectorItem> listVectors(String bankId, ListCursor after, int limit, VectorFilters filters);

    /**
     * The same page as {@link #listVectors}, in the same order, but the items may come without their vectors
     * ({@link VectorItem#vector()} {@code null}): for callers that need ids, text or metadata only, such as
     * forget by selector, import's check for earlier imports and export without embeddings. A remote backend
     * saves sending every vector (6 KiB per 1536-d point); the default returns {@link #listVectors}.
     */
    default List<VectorItem> listItems(String bankId, ListCursor after, int limit, VectorFilters filters) {
        return listVectors(bankId, after, limit, filters);
    }

    /**
     * For each cursor, the matching item right after it in {@link #listItems} order (possibly without its vector), or
     * {@code null} when none follows: recall reads the memory retained after each of its best hits (in a
     * conversation, the reply). The default asks {@link #listItems} once per cursor; a store that can answer them
     * together should.
     */
    default List<VectorItem> nextItems(String bankId, List<ListCursor> cursors, VectorFilters filters) {
        List<VectorItem> out = new java.util.ArrayList<>(cursors.size());
        for (ListCursor c : cursors) {
            List<VectorItem> next = listItems(bankId, c, 1, filters);
            out.add(next.isEmpty() ? null : next.get(0));
        }
        return out;
    }

    /** Up to {@code limit} matching items, newest {@link VectorItem#eventTime()} first, as hits with score 0. */
    List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters);

    /**
     * The same as {@link #listRecent(String, int, VectorFilters)} but only items whose event time is at or after
     * {@code notBefore}: the recency strategy ignores older memories, and a store that can bound its query by time
     * never reads them. The default filters the unbounded listing (the same items, since it is newest first).
     */
    default List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters, Instant notBefore) {
        List<VectorHit> out = new java.util.ArrayList<>();
        for (VectorHit h : listRecent(bankId, limit, filters)) {
            if (h.eventTime() != null && !h.eventTime().isBefore(notBefore)) {
                out.add(h);
            }
        }
        return out;
    }

    /** How many items match. */
    long count(String bankId, VectorFilters filters);

    /**
     * Marks live items as forgotten at {@code forgottenAt} (they stay for {@code as_of} history) and
     * returns how many changed; ids that are unknown or already forgotten do not count.
     */
    int softDelete(Collection<String> ids, String bankId, Instant forgottenAt);

    /** Removes items physically, forgotten or not, and returns how many were removed. */
    int delete(Collection<String> ids, String bankId);

    /**
     * Forgets every item of the bank that matches {@code filters}: with {@code forgottenAt} set, a soft delete of
     * the matching live items; with {@code null}, a physical delete of the matching items, forgotten or not
     * ({@code filters} should then include forgotten ones). Returns how many changed. The default lists the
     * matches page by page, then deletes them by id; backends that can delete by a filter natively override it.
     */
    default int forgetMatching(String bankId, VectorFilters filters, Instant forgottenAt) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        final int page = 1000;
        // collect every id before changing anything, so the listing sees the bank as it was
        for (ListCursor after = null;;) {
            List<VectorItem> items = listItems(bankId, after, page, filters);
            items.forEach(i -> ids.add(i.id()));
            if (items.size() < page) {
                break;
            }
            after = ListCursor.afterLast(items);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return forgottenAt == null ? delete(ids, bankId) : softDelete(ids, bankId, forgottenAt);
    }

    /**
     * Archives live, not yet archived items by id: sets {@link VectorItem#archivedAt()} so that default reads
     * leave them out while history and {@code includeArchived} reads still see them. Returns how many changed;
     * ids unknown, forgotten or already archived do not count, so running it twice changes nothing. The default
     * reads the bank page by page and stores the changed items again; stores override it with an in-place
     * update.
     */
    default int archive(Collection<String> ids, String bankId, Instant archivedAt) {
        java.util.Set<String> wanted = new java.util.HashSet<>(ids);
        List<VectorItem> changed = new java.util.ArrayList<>();
        final int page = 1000;
        for (ListCursor after = null;;) {
            List<VectorItem> items = listVectors(bankId, after, page, VectorFilters.none());
            for (VectorItem i : items) {
                if (wanted.contains(i.id())) {
                    changed.add(i.archived(archivedAt));
                }
            }
            if (items.size() < page) {
                break;
            }
            after = ListCursor.afterLast(items);
        }
        if (!changed.isEmpty()) {
            storeVectors(changed);
        }
        return changed.size();
    }

    /**
     * Adds recall statistics to items: for each id, {@code count} more recalls and the latest at
     * {@code lastRecalledAt} (an earlier moment than the stored one leaves it). Unknown ids are skipped. The
     * facade calls this in batches off the recall path, so a store may take its time, but what it acknowledges
     * must survive a restart. Under concurrent callers a count may lose an increment; the latest moment must
     * not move backwards. The default keeps nothing, and lifecycle then counts idle time from retention.
     */
    default void recordRecalls(String bankId, java.util.Map<String, RecallStats> increments) {
    }

    /** Whether {@link #recordRecalls} keeps anything; lifecycle reports it on banks of stores that do not. */
    default boolean keepsRecallStats() {
        return false;
    }

    HealthStatus health();

    @Override
    default void close() {
    }
}
