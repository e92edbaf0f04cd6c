package io.astrocyte.embedded.lucene;

import io.astrocyte.spi.ListCursor;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IntroSorter;

/**
 * Each segment's documents in retain order, (retained_at, id), kept for as long as the segment lives, so that "the
 * memory retained right after this one" is a binary search and a short walk instead of a sorted search per cursor
 * (recall asks it for its best 20 hits and their neighbours: two milliseconds a recall as sorted searches). Neither
 * field ever changes in place, so a segment's order stays right; live docs and filters are checked per call. 16
 * bytes per document.
 */
final class RetainOrder {

    /** How far a walk goes past other banks' documents before the caller answers with a sorted search. */
    static final int MAX_WALK = 512;

    /** What {@link #next} answers when the walk gave up. */
    static final int GAVE_UP = -2;

    /** How many entries after a cursor are checked against the filter directly, before materializing it. */
    static final int NEAR = 16;

    /** {@link Segment#firstAccepted}: none of the first {@value #NEAR} entries is accepted. */
    private static final int NOT_NEAR = -3;

    private final ConcurrentHashMap<Object, Segment> segments = new ConcurrentHashMap<>();

    /**
     * For each cursor, the global document of the first match of {@code weight} after it in retain order, {@code -1}
     * for none, or {@link #GAVE_UP} where the matches are too sparse in the order for a walk.
     */
    int[] next(IndexSearcher s, Weight weight, List<ListCursor> cursors) throws IOException {
        int n = cursors.size();
        long[] times = new long[n];
        BytesRef[] ids = new BytesRef[n];
        for (int c = 0; c < n; c++) {
            ListCursor cursor = cursors.get(c);
            times[c] = cursor.retainedAt() == null ? Long.MIN_VALUE : cursor.retainedAt().toEpochMilli();
            ids[c] = new BytesRef(cursor.id());
        }
        int[] best = new int[n];
        java.util.Arrays.fill(best, -1);
        long[] bestTime = new long[n];
        BytesRef[] bestId = new BytesRef[n];
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Segment order = of(leaf);
            if (order == null) {
                java.util.Arrays.fill(best, GAVE_UP); // a reader without a core cache key: nothing to keep an order by
                break;
            }
            // one instance per segment and call: each brings its own term dictionary buffers
            SortedDocValues idValues = leaf.reader().getSortedDocValues(Fields.ID);
            int[] start = new int[n];
            for (int c = 0; c < n; c++) {
                start[c] = order.firstAfter(times[c], idValues == null ? -1 : ordFloor(idValues, ids[c]));
            }
            int[] accepted = acceptedNearStarts(order, start, scorer, leaf.reader().getLiveDocs());
            Bits all = null;
            for (int c = 0; c < n; c++) {
                if (best[c] == GAVE_UP) {
                    continue;
                }
                int k = order.firstAccepted(start[c], accepted);
                if (k == NOT_NEAR) {
                    if (all == null) {
                        all = matches(weight, leaf); // rare: a cursor whose next few memories are other banks'
                    }
                    k = all == null ? -1 : order.walk(start[c], all);
                }
                if (k == GAVE_UP) {
                    best[c] = GAVE_UP;
                } else if (k >= 0) {
                    BytesRef kId = idValues.lookupOrd(order.ords[k]);
                    long kTime = order.times[k];
                    if (best[c] < 0 || kTime < bestTime[c] || (kTime == bestTime[c] && kId.compareTo(bestId[c]) < 0)) {
                        best[c] = leaf.docBase + order.docs[k];
                        bestTime[c] = kTime;
                        bestId[c] = BytesRef.deepCopyOf(kId);
                    }
                }
            }
        }
        return best;
    }

    /**
     * Of the {@value #NEAR} entries after each start, the documents the filter accepts, sorted: one forward pass of
     * the filter's iterator over them, where materializing the filter would visit every document of the bank.
     */
    private static int[] acceptedNearStarts(Segment order, int[] start, Scorer scorer, Bits live) throws IOException {
        int[] candidates = new int[start.length * NEAR];
        int m = 0;
        for (int from : start) {
            for (int k = from; k < Math.min(order.docs.length, from + NEAR); k++) {
                candidates[m++] = order.docs[k];
            }
        }
        java.util.Arrays.sort(candidates, 0, m);
        int[] accepted = new int[m];
        int a = 0;
        DocIdSetIterator it = scorer.iterator();
        int previous = -1;
        for (int i = 0; i < m; i++) {
            int doc = candidates[i];
            if (doc == previous) {
                continue;
            }
            previous = doc;
            int at = it.docID() < doc ? it.advance(doc) : it.docID();
            if (at == DocIdSetIterator.NO_MORE_DOCS) {
                break;
            }
            if (at == doc && (live == null || live.get(doc))) {
                accepted[a++] = doc;
            }
        }
        return java.util.Arrays.copyOf(accepted, a);
    }

    /** How many segments' orders are kept (tests; an order goes when its segment closes). */
    int segmentsKept() {
        return segments.size();
    }

    /**
     * The largest ord whose id is at most {@code id} in this segment ({@code -1} if none): documents after the
     * cursor at the cursor's own time are those with a greater ord.
     */
    private static int ordFloor(SortedDocValues ids, BytesRef id) throws IOException {
        int found = ids.lookupTerm(id);
        return found >= 0 ? found : -found - 2;
    }

    /** The live documents of {@code leaf} that {@code weight} matches, or {@code null} for none. */
    private static Bits matches(Weight weight, LeafReaderContext leaf) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return null;
        }
        Bits live = leaf.reader().getLiveDocs();
        FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
        boolean any = false;
        DocIdSetIterator it = scorer.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if (live == null || live.get(doc)) {
                bits.set(doc);
                any = true;
            }
        }
        return any ? bits : null;
    }

    private Segment of(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return null;
        }
        Object key = helper.getKey();
        Segment order = segments.get(key);
        if (order == null) {
            order = Segment.build(leaf.reader());
            if (segments.putIfAbsent(key, order) == null) {
                helper.addClosedListener(segments::remove);
            }
        }
        return order;
    }

    /** One segment's documents sorted by (retained_at, id ord); parallel arrays. */
    private static final class Segment {
        final long[] times;
        final int[] ords;
        final int[] docs;

        private Segment(long[] times, int[] ords, int[] docs) {
            this.times = times;
            this.ords = ords;
            this.docs = docs;
        }

        static Segment build(LeafReader reader) throws IOException {
            int maxDoc = reader.maxDoc();
            long[] times = new long[maxDoc];
            int[] ords = new int[maxDoc];
            int[] docs = new int[maxDoc];
            NumericDocValues retained = reader.getNumericDocValues(Fields.RETAINED_AT);
            SortedDocValues ids = reader.getSortedDocValues(Fields.ID);
            int n = 0;
            for (int doc = 0; doc < maxDoc; doc++) {
                // every stored memory has both; a document without them is never a memory to return
                if (retained != null && ids != null && retained.advanceExact(doc) && ids.advanceExact(doc)) {
                    times[n] = retained.longValue();
                    ords[n] = ids.ordValue();
                    docs[n] = doc;
                    n++;
                }
            }
            Segment s = new Segment(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(ords, n),
                    java.util.Arrays.copyOf(docs, n));
            s.sort();
            return s;
        }

        /** The index of the first entry after (time, ordFloor): later, or as late with a greater id ord. */
        int firstAfter(long time, int ordFloor) {
            int lo = 0;
            int hi = times.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] < time || (times[mid] == time && ords[mid] <= ordFloor)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * The index of the first of the {@value #NEAR} entries from {@code from} whose document is in {@code accepted}
         * (sorted); -1 when the order ends first, {@link #NOT_NEAR} when none of them is.
         */
        int firstAccepted(int from, int[] accepted) {
            int end = Math.min(times.length, from + NEAR);
            for (int k = from; k < end; k++) {
                if (java.util.Arrays.binarySearch(accepted, docs[k]) >= 0) {
                    return k;
                }
            }
            return end == times.length ? -1 : NOT_NEAR;
        }

        /**
         * The index of the first entry from {@code from} whose document {@code matching} accepts: -1 for none,
         * {@link #GAVE_UP} after {@link #MAX_WALK} entries that it does not accept.
         */
        int walk(int from, Bits matching) {
            int end = Math.min(times.length, from + MAX_WALK);
            for (int k = from; k < end; k++) {
                if (matching.get(docs[k])) {
                    return k;
                }
            }
            return end == times.length ? -1 : GAVE_UP;
        }

        private void sort() {
            new IntroSorter() {
                private long pivotTime;
                private int pivotOrd;

                @Override
                protected void setPivot(int i) {
                    pivotTime = times[i];
                    pivotOrd = ords[i];
                }

                @Override
                protected int comparePivot(int j) {
                    int c = Long.compare(pivotTime, times[j]);
                    return c != 0 ? c : Integer.compare(pivotOrd, ords[j]);
                }

                @Override
                protected int compare(int i, int j) {
                    int c = Long.compare(times[i], times[j]);
                    return c != 0 ? c : Integer.compare(ords[i], ords[j]);
                }

                @Override
                protected void swap(int i, int j) {
                    long t = times[i];
                    times[i] = times[j];
                    times[j] = t;
                    int o = ords[i];
                    ords[i] = ords[j];
                    ords[j] = o;
                    int d = docs[i];
                    docs[i] = docs[j];
                    docs[j] = d;
                }
            }.sort(0, times.length);
        }
    }
}
