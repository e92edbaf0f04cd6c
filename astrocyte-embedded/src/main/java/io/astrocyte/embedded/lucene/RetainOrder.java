package io.astrocyte.embedded.lucene;

import io.astrocyte.spi.ListCursor;
import java.io.IOException;
import java.util.ArrayList;
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

    private final ConcurrentHashMap<Object, Segment> segments = new ConcurrentHashMap<>();

    /**
     * For each cursor, the global document of the first match of {@code weight} after it in retain order, {@code -1}
     * for none, or {@link #GAVE_UP} where the matches are too sparse in the order for a walk.
     */
    int[] next(IndexSearcher s, Weight weight, List<ListCursor> cursors) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        List<Bits> matching = new ArrayList<>(leaves.size());
        List<Segment> orders = new ArrayList<>(leaves.size());
        // one instance per segment and call: each brings its own term dictionary buffers
        List<SortedDocValues> idValues = new ArrayList<>(leaves.size());
        for (LeafReaderContext leaf : leaves) {
            Bits m = matches(weight, leaf);
            matching.add(m);
            orders.add(m == null ? null : of(leaf));
            idValues.add(m == null ? null : leaf.reader().getSortedDocValues(Fields.ID));
        }
        int[] out = new int[cursors.size()];
        for (int c = 0; c < cursors.size(); c++) {
            ListCursor cursor = cursors.get(c);
            long time = cursor.retainedAt() == null ? Long.MIN_VALUE : cursor.retainedAt().toEpochMilli();
            BytesRef id = new BytesRef(cursor.id());
            int best = -1;
            long bestTime = 0;
            BytesRef bestId = null;
            for (int i = 0; i < leaves.size() && best != GAVE_UP; i++) {
                Segment order = orders.get(i);
                if (order == null) {
                    if (matching.get(i) != null) {
                        best = GAVE_UP; // a reader without a core cache key: nothing to keep an order by
                    }
                    continue;
                }
                SortedDocValues ids = idValues.get(i);
                int k = order.next(time, ids == null ? -1 : ordFloor(ids, id), matching.get(i));
                if (k == GAVE_UP) {
                    best = GAVE_UP;
                } else if (k >= 0) {
                    BytesRef kId = ids.lookupOrd(order.ords[k]);
                    long kTime = order.times[k];
                    if (best < 0 || kTime < bestTime || (kTime == bestTime && kId.compareTo(bestId) < 0)) {
                        best = leaves.get(i).docBase + order.docs[k];
                        bestTime = kTime;
                        bestId = BytesRef.deepCopyOf(kId);
                    }
                }
            }
            out[c] = best;
        }
        return out;
    }

    /** Forgets every segment's order (tests; segments that close are dropped on their own). */
    void clear() {
        segments.clear();
    }

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

        /**
         * The index of the first entry after (time, ordFloor) whose document {@code matching} accepts: -1 for none,
         * {@link #GAVE_UP} after {@link #MAX_WALK} entries that it does not accept.
         */
        int next(long time, int ordFloor, Bits matching) {
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
            int end = Math.min(times.length, lo + MAX_WALK);
            for (int k = lo; k < end; k++) {
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
