package io.astrocyte.embedded.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;

/**
 * Exact dense search over the documents a filter matches. One pass over the filter both counts them (past the
 * threshold the caller uses the HNSW graph instead) and lists them; the scan then scores each listed vector once.
 * The best {@code limit} come back best first, ties broken by document. Splitting large scans between two threads
 * was measured and not kept: on two cores the rest of a recall already keeps the second one busy (speed benchmark
 * at 10,000 memories, p50 and p95 unchanged).
 */
final class ExactSearch {

    private static final DotProduct DOT = DotProduct.fastest();
    private static final Comparator<ScoreDoc> WORST_FIRST =
            Comparator.<ScoreDoc>comparingDouble(sd -> sd.score).thenComparing(sd -> -sd.doc);

    private ExactSearch() {
    }

    /** Which dot product the scans run (see {@link DotProduct}). */
    static String kernel() {
        return DOT.toString();
    }

    /** {@code (1 + cosine) / 2} of two unit vectors, clamped to [0, 1]. */
    static float unitScore(float[] a, float[] b) {
        return Math.max(0f, Math.min(1f, (1 + DOT.dot(a, b)) / 2));
    }

    /**
     * The live documents {@code filter} matches, per segment (segment-local ids, ascending), or {@code null} once there
     * are more than {@code limit}.
     */
    static int[][] matchingUpTo(IndexSearcher s, Query filter, int limit) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int[][] docs = new int[leaves.size()][];
        Weight weight = s.createWeight(s.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        int total = 0;
        for (int i = 0; i < leaves.size(); i++) {
            LeafReaderContext leaf = leaves.get(i);
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                docs[i] = new int[0];
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            int[] found = new int[Math.min(64, leaf.reader().maxDoc())];
            int n = 0;
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (++total > limit) {
                    return null;
                }
                if (n == found.length) {
                    found = ArrayUtil.grow(found, n + 1);
                }
                found[n++] = doc;
            }
            docs[i] = ArrayUtil.copyOfSubArray(found, 0, n);
        }
        return docs;
    }

    /** The best {@code limit} of the {@code matching} documents by exact score, best first (global doc ids). */
    static List<ScoreDoc> top(IndexSearcher s, int[][] matching, float[] query, int limit) throws IOException {
        if (limit <= 0) {
            return List.of();
        }
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(limit + 1, WORST_FIRST);
        for (int i = 0; i < leaves.size(); i++) {
            int[] docs = matching[i];
            LeafReaderContext leaf = leaves.get(i);
            FloatVectorValues vectors = docs.length == 0 ? null : leaf.reader().getFloatVectorValues(Fields.VECTOR);
            if (vectors == null) {
                continue;
            }
            for (int doc : docs) {
                if (vectors.docID() < doc) {
                    vectors.advance(doc);
                }
                if (vectors.docID() != doc) {
                    continue;
                }
                float score = unitScore(query, vectors.vectorValue());
                if (best.size() == limit) {
                    // most memories lose to the current worst of a full queue: no object, no sift for them
                    ScoreDoc worst = best.peek();
                    if (score < worst.score || (score == worst.score && leaf.docBase + doc > worst.doc)) {
                        continue;
                    }
                }
                best.add(new ScoreDoc(leaf.docBase + doc, score));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<ScoreDoc> ordered = new ArrayList<>(best);
        ordered.sort(WORST_FIRST.reversed());
        return ordered;
    }
}
