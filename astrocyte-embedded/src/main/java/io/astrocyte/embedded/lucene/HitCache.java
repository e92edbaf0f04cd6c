package io.astrocyte.embedded.lucene;

import io.astrocyte.spi.VectorHit;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * Hits decoded from stored documents, by segment and document. Decoding a stored document (decompressing its block,
 * parsing its metadata) was a third of recall's CPU, and the dense and keyword strategies often decode the same
 * candidates, as do later recalls. A segment's stored fields never change (forgetting and archiving update doc
 * values, an edit writes a new document elsewhere), so an entry stays right for as long as its segment lives;
 * entries of merged-away segments are simply never asked for again. A purge empties it, so an erased memory's text
 * does not outlive the erasure here. Bounded: past {@value #MAX_ENTRIES} entries it
 * starts over, which keeps its memory to a few megabytes without bookkeeping on every read.
 */
final class HitCache {

    static final int MAX_ENTRIES = 4096;

    private final ConcurrentHashMap<Key, VectorHit> hits = new ConcurrentHashMap<>();

    private record Key(Object segment, int doc) {
    }

    /** Decodes hits of {@code s} for one result list; not for sharing between threads. */
    Reader reader(IndexSearcher s) {
        return new Reader(s);
    }

    /**
     * One result list's decoding: a single stored-fields reader for all its misses (each reader brings its own
     * decompression buffers, and one per document was most of a search's garbage).
     */
    final class Reader {
        private final IndexSearcher searcher;
        private final List<LeafReaderContext> leaves;
        private StoredFields fields;

        private Reader(IndexSearcher searcher) {
            this.searcher = searcher;
            this.leaves = searcher.getIndexReader().leaves();
        }

        /** The hit of global document {@code doc}, with {@code score}. */
        VectorHit hit(int doc, double score) throws IOException {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
            if (helper == null) {
                return Documents.toHit(fields().document(doc), score);
            }
            Key key = new Key(helper.getKey(), doc - leaf.docBase);
            VectorHit cached = hits.get(key);
            if (cached == null) {
                VectorHit h = Documents.toHit(fields().document(doc), 0);
                // shared between callers from now on: nothing may change its collections
                cached = new VectorHit(h.id(), h.text(), 0, Collections.unmodifiableMap(h.metadata()),
                        List.copyOf(h.tags()), h.factType(), h.occurredAt(), h.memoryLayer(), h.retainedAt(),
                        h.chunkId(), h.source());
                if (hits.size() >= MAX_ENTRIES) {
                    hits.clear();
                }
                hits.put(key, cached);
            }
            return cached.withScore(score);
        }

        private StoredFields fields() throws IOException {
            if (fields == null) {
                fields = searcher.storedFields();
            }
            return fields;
        }
    }

    int size() {
        return hits.size();
    }

    /** Forgets every decoded hit: after a purge, no copy of an erased memory stays behind here. */
    void clear() {
        hits.clear();
    }
}
