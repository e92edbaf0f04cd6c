package io.astrocyte.embedded.lucene;

import io.astrocyte.embedding.Vectors;
import io.astrocyte.spi.VectorItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes acknowledged since the searcher was last refreshed, so that a nearest-neighbour lookup can
 * answer from the older searcher plus this record instead of paying for a refresh on every retain.
 *
 * <p>Each entry carries the write sequence number it was acknowledged with; a refresh that covers sequence
 * {@code n} drops everything up to {@code n}. An entry registered late (after such a drop) only repeats what
 * the searcher already shows, which is harmless. Callers coordinate on this object's monitor to take the
 * searcher and a {@link #snapshot} together.
 */
final class RecentWrites {

    /** An added or replaced item with its unit vector. */
    record Added(long seq, VectorItem item, float[] unit) {
    }

    /** What one bank gained and lost since the last refresh. */
    record Snapshot(List<Added> added, Set<String> removedIds) {
    }

    private static final Snapshot NOTHING = new Snapshot(List.of(), Set.of());

    /** Per bank: items added, and removed ids with the sequence of their removal. */
    private final Map<String, List<Added>> added = new HashMap<>();
    private final Map<String, Map<String, Long>> removed = new HashMap<>();
    private int size;

    synchronized void added(long seq, List<VectorItem> items) {
        for (VectorItem item : items) {
            Map<String, Long> gone = removed.get(item.bankId());
            if (gone != null && gone.remove(item.id()) != null) {
                size--;
            }
            if (item.vector() == null) {
                continue; // no vector, never a neighbour
            }
            added.computeIfAbsent(item.bankId(), k -> new ArrayList<>())
                    .add(new Added(seq, item, Vectors.normalized(item.vector())));
            size++;
        }
    }

    synchronized void removed(long seq, String bankId, Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        List<Added> mine = added.get(bankId);
        if (mine != null) {
            int before = mine.size();
            mine.removeIf(a -> gone.contains(a.item().id()));
            size -= before - mine.size();
        }
        Map<String, Long> bankRemoved = removed.computeIfAbsent(bankId, k -> new HashMap<>());
        for (String id : gone) {
            if (bankRemoved.put(id, seq) == null) {
                size++;
            }
        }
    }

    /** Drops what a searcher refreshed after sequence {@code seq} shows by itself. */
    synchronized void visibleUpTo(long seq) {
        added.values().forEach(list -> list.removeIf(a -> a.seq() <= seq));
        added.values().removeIf(List::isEmpty);
        removed.values().forEach(ids -> ids.values().removeIf(s -> s <= seq));
        removed.values().removeIf(Map::isEmpty);
        size = 0;
        added.values().forEach(list -> size += list.size());
        removed.values().forEach(ids -> size += ids.size());
    }

    synchronized int size() {
        return size;
    }

    synchronized Snapshot snapshot(String bankId) {
        List<Added> mine = added.get(bankId);
        Map<String, Long> gone = removed.get(bankId);
        if (mine == null && gone == null) {
            return NOTHING;
        }
        return new Snapshot(mine == null ? List.of() : List.copyOf(mine),
                gone == null ? Set.of() : Set.copyOf(gone.keySet()));
    }
}
