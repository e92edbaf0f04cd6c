package io.astrocyte.embedded.lucene;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.codecs.hnsw.FlatVectorsReader;
import org.apache.lucene.codecs.hnsw.HnswGraphProvider;
import org.apache.lucene.codecs.lucene99.Lucene99FlatVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * Vectors without an HNSW graph until a segment is big enough to need one. Flushed segments and merges
 * that produce fewer than {@code graphMinDocs} documents are written flat; a KNN search over a flat
 * segment scores every accepted vector exactly. Merges at or above the threshold build HNSW (reusing
 * the largest input graph, as Lucene's own format does). Per-user memory banks are mostly small, and
 * building graphs on every insert was the largest CPU cost of a retain on Java 17.
 *
 * <p>Registered for Lucene's SPI as {@value #NAME}; the no-argument constructor is what readers use,
 * and the threshold only matters when writing.
 */
public final class AdaptiveVectorsFormat extends KnnVectorsFormat {

    public static final String NAME = "AstrocyteAdaptiveVectors";
    public static final int DEFAULT_GRAPH_MIN_DOCS = 10_000;
    private static final String HNSW_INDEX_EXTENSION = "vex";

    private final int graphMinDocs;
    private final Lucene99HnswVectorsFormat hnsw = new Lucene99HnswVectorsFormat();
    private final Lucene99FlatVectorsFormat flat = new Lucene99FlatVectorsFormat(DefaultFlatVectorScorer.INSTANCE);

    /** For Lucene's SPI: reading, and writing with the default threshold. */
    public AdaptiveVectorsFormat() {
        this(DEFAULT_GRAPH_MIN_DOCS);
    }

    public AdaptiveVectorsFormat(int graphMinDocs) {
        super(NAME);
        this.graphMinDocs = graphMinDocs;
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
        IOContext ctx = state.context;
        boolean graph = ctx.context == IOContext.Context.MERGE && ctx.mergeInfo != null
                && ctx.mergeInfo.totalMaxDoc >= graphMinDocs;
        return graph ? hnsw.fieldsWriter(state) : flat.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
        String graphFile = IndexFileNames.segmentFileName(state.segmentInfo.name, state.segmentSuffix,
                HNSW_INDEX_EXTENSION);
        if (state.segmentInfo.files().contains(graphFile)) {
            return new GraphReader(hnsw.fieldsReader(state));
        }
        return new FlatReader(flat.fieldsReader(state), state);
    }

    @Override
    public int getMaxDimensions(String fieldName) {
        return hnsw.getMaxDimensions(fieldName);
    }

    @Override
    public String toString() {
        return NAME + "(graphMinDocs=" + graphMinDocs + ")";
    }

    /** Passes everything but search to the wrapped reader. */
    private abstract static class DelegatingReader extends KnnVectorsReader {
        final KnnVectorsReader delegate;

        DelegatingReader(KnnVectorsReader delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkIntegrity() throws IOException {
            delegate.checkIntegrity();
        }

        @Override
        public FloatVectorValues getFloatVectorValues(String field) throws IOException {
            return delegate.getFloatVectorValues(field);
        }

        @Override
        public ByteVectorValues getByteVectorValues(String field) throws IOException {
            return delegate.getByteVectorValues(field);
        }

        @Override
        public long ramBytesUsed() {
            return delegate.ramBytesUsed();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }

    /** A segment with a graph: Lucene's HNSW reader does the work, including graph reuse on merge. */
    private static final class GraphReader extends DelegatingReader implements HnswGraphProvider {

        GraphReader(KnnVectorsReader delegate) {
            super(delegate);
        }

        @Override
        public HnswGraph getGraph(String field) throws IOException {
            return ((HnswGraphProvider) delegate).getGraph(field);
        }

        @Override
        public void search(String field, float[] target, KnnCollector collector, Bits acceptDocs) throws IOException {
            delegate.search(field, target, collector, acceptDocs);
        }

        @Override
        public void search(String field, byte[] target, KnnCollector collector, Bits acceptDocs) throws IOException {
            delegate.search(field, target, collector, acceptDocs);
        }
    }

    /** A flat segment: KNN search scores every accepted vector exactly. */
    private static final class FlatReader extends DelegatingReader {
        private final SegmentReadState state;

        FlatReader(FlatVectorsReader delegate, SegmentReadState state) {
            super(delegate);
            this.state = state;
        }

        @Override
        public void search(String field, float[] target, KnnCollector collector, Bits acceptDocs) throws IOException {
            FieldInfo info = state.fieldInfos.fieldInfo(field);
            FloatVectorValues values = delegate.getFloatVectorValues(field);
            if (info != null && values != null) {
                var similarity = info.getVectorSimilarityFunction();
                scoreAll(values, () -> similarity.compare(target, values.vectorValue()), collector, acceptDocs);
            }
        }

        @Override
        public void search(String field, byte[] target, KnnCollector collector, Bits acceptDocs) throws IOException {
            FieldInfo info = state.fieldInfos.fieldInfo(field);
            ByteVectorValues values = delegate.getByteVectorValues(field);
            if (info != null && values != null) {
                var similarity = info.getVectorSimilarityFunction();
                scoreAll(values, () -> similarity.compare(target, values.vectorValue()), collector, acceptDocs);
            }
        }

        private static void scoreAll(DocIdSetIterator docs, CurrentScore score, KnnCollector collector,
                Bits acceptDocs) throws IOException {
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (acceptDocs == null || acceptDocs.get(doc)) {
                    collector.incVisitedCount(1);
                    collector.collect(doc, score.get());
                }
            }
        }

        /** The similarity of the vector the iterator is on. */
        @FunctionalInterface
        private interface CurrentScore {
            float get() throws IOException;
        }
    }
}
