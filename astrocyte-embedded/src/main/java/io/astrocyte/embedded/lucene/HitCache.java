package io.astrocyte.embedded.lucene;

import io.astrocyte.spi.VectorHit;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 * does not outlive the erasure here. Bounded by an estimate of its size: past {@value #MAX_BYTES} bytes it starts
 * over, which needs no bookkeeping on reads. That holds a few banks of 10,000 short memories: a bank recalled again
 * and again is decoded once, where a count of 4,096 entries had a 10,000-memory bank decoded on most recalls.
 */
final class HitCache {

    static final long MAX_BYTES = 32L << 20;

    private final ConcurrentHashMap<Key, VectorHit> hits = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    private final long maxBytes;

    HitCache() {
        this(MAX_BYTES);
    }

    /** @param maxBytes the estimate past which it starts over (tests use a small one) */
    HitCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

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
                long size = sizeOf(cached);
                if (bytes.addAndGet(size) > maxBytes) {
                    clear();
                    bytes.addAndGet(size);
                }
                if (hits.put(key, cached) != null) {
                    bytes.addAndGet(-size); // another thread decoded it too
                }
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

    /** The size estimate of what it holds. */
    long bytes() {
        return bytes.get();
    }

    /** Forgets every decoded hit: after a purge, no copy of an erased memory stays behind here. */
    void clear() {
        hits.clear();
        bytes.set(0);
    }

    /** Roughly what a decoded hit keeps on the heap: its strings at two bytes a char, and object overheads. */
    static long sizeOf(VectorHit h) {
        long chars = length(h.id()) + length(h.text()) + length(h.factType()) + length(h.memoryLayer())
                + length(h.chunkId()) + length(h.source());
        for (Map.Entry<String, Object> e : h.metadata().entrySet()) {
            chars += e.getKey().length() + String.valueOf(e.getValue()).length();
        }
        for (String t : h.tags()) {
            chars += t.length();
        }
        return 256 + 2 * chars + 64L * (h.metadata().size() + h.tags().size());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
