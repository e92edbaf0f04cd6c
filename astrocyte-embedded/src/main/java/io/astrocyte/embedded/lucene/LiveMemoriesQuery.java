package io.astrocyte.embedded.lucene;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Memories neither forgotten nor archived: {@code forgotten_at} is {@link Fields#LIVE} and {@code archived_at} is
 * {@link Fields#LIVE} or absent. This is what nearly every read filters by, and as two doc-values clauses it was
 * checked document by document on every search (at 100,000 memories, the doc-values reads behind them were about a
 * tenth of a profile's recall samples). Here it is a bit set per segment version, built in one pass over the two doc values: forgetting and archiving update doc
 * values, which gives the segment a new reader and so a new set, and a set goes when its reader closes. Deleted
 * documents are left to the searcher's live docs, as for any other query.
 */
final class LiveMemoriesQuery extends Query {

    static final LiveMemoriesQuery INSTANCE = new LiveMemoriesQuery();

    /** By segment reader version; shared by every store in the JVM, as reader keys are unique. */
    private static final ConcurrentHashMap<Object, Live> SETS = new ConcurrentHashMap<>();

    private record Live(FixedBitSet bits, int count) {
    }

    private LiveMemoriesQuery() {
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Live live = live(context.reader());
                if (live.count() == 0) {
                    return null;
                }
                return new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(live.bits(), live.count()));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false; // cached here already, by the version of the segment's doc values
            }
        };
    }

    private static Live live(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return build(reader);
        }
        Object key = helper.getKey();
        Live live = SETS.get(key);
        if (live == null) {
            live = build(reader);
            if (SETS.putIfAbsent(key, live) == null) {
                helper.addClosedListener(SETS::remove);
            }
        }
        return live;
    }

    private static Live build(LeafReader reader) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
        NumericDocValues forgotten = reader.getNumericDocValues(Fields.FORGOTTEN_AT);
        if (forgotten != null) {
            for (int doc = forgotten.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = forgotten.nextDoc()) {
                if (forgotten.longValue() == Fields.LIVE) {
                    bits.set(doc);
                }
            }
        }
        NumericDocValues archived = reader.getNumericDocValues(Fields.ARCHIVED_AT);
        if (archived != null) {
            for (int doc = archived.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = archived.nextDoc()) {
                if (archived.longValue() != Fields.LIVE) {
                    bits.clear(doc);
                }
            }
        }
        return new Live(bits, bits.cardinality());
    }

    /** Segment versions with a set (tests). */
    static int setsKept() {
        return SETS.size();
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "LiveMemories";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other);
    }

    @Override
    public int hashCode() {
        return classHash();
    }
}
