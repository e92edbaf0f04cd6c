package io.astrocyte.embedded.lucene;

import io.astrocyte.spi.ListCursor;
import org.apache.lucene.util.BytesRef;
import io.astrocyte.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.astrocyte.embedding.Vectors;
import io.astrocyte.spi.HealthStatus;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The embedded default store: one Lucene index in a data folder holding every bank's memories with
 * their vectors (HNSW, dot product on unit vectors), BM25-analyzed text and filter fields.
 *
 * <ul>
 *   <li><b>Durable:</b> every write is appended to a write-ahead {@link Translog} and fsynced before it
 *       returns (concurrent writers share an fsync), so an acknowledged retain survives {@code kill -9}.
 *       Lucene commits in the background every {@code commitInterval} and on close; opening a folder
 *       replays whatever the last commit did not hold. A commit never captures half of a batch.</li>
 *   <li><b>Exact when small:</b> when at most {@code exactSearchThreshold} memories pass the filters, the
 *       search scores all of them exactly; beyond that it uses the HNSW graph with the filter applied.</li>
 *   <li><b>Soft delete:</b> {@code forgotten_at} is an updatable doc value, so forgetting rewrites nothing
 *       and {@code as_of} queries stay exact.</li>
 * </ul>
 *
 * One process at a time may open a data folder; a second open fails with a {@link ConfigException}.
 */
public final class LuceneVectorStore implements VectorStore, KeywordIndex {

    /** Filtered sets up to this size are searched exactly (about 2 ms at 10k×384 on two cores). */
    public static final int DEFAULT_EXACT_SEARCH_THRESHOLD = 10_000;
    private static final int MAX_QUERY_TERMS = 256;
    /**
     * Lucene's HNSW search uses k as its beam width, so a small k misses close neighbours; searching at
     * least this many and trimming raises recall@10 from about 0.3 to about 0.9 (DEPENDENCIES.md §3b).
     */
    private static final int MIN_HNSW_CANDIDATES = 100;
    private static final Sort LIST_ORDER = new Sort(new SortField(Fields.RETAINED_AT, SortField.Type.LONG),
            new SortField(Fields.ID, SortField.Type.STRING));
    private static final Sort RECENT_ORDER = new Sort(new SortField(Fields.EVENT_AT, SortField.Type.LONG, true),
            new SortField(Fields.ID, SortField.Type.STRING));

    /**
     * @param exactSearchThreshold filtered sets up to this size are scored exactly
     * @param commitInterval       how often buffered writes are committed to the index (the translog keeps
     *                             them durable meanwhile)
     * @param graphMinDocs         segments smaller than this keep their vectors flat (no HNSW graph) and are
     *                             searched exactly; see {@link AdaptiveVectorsFormat}
     * @param keywordK1            BM25 term-frequency saturation of the keyword search (default
     *                             {@link #DEFAULT_KEYWORD_K1}; Lucene's own is 1.2)
     */
    public record Options(int exactSearchThreshold, Duration commitInterval, int graphMinDocs, float keywordK1) {

        /**
         * Memories are short, so a word said twice is barely more about it than a word said once, and a long memory
         * should not win on repetition: BM25 saturates term frequency early. Chosen on LoCoMo conversations 1-5
         * (keyword strategy alone: 0.57 R@10 at 1.2, 0.60 at 0.5; whole recall 0.627 to 0.643) and confirmed on
         * 6-10 (0.578 to 0.589); see benchmarks/results/locomo-tuning.md.
         */
        public static final float DEFAULT_KEYWORD_K1 = 0.5f;

        public static final Options DEFAULT = new Options(DEFAULT_EXACT_SEARCH_THRESHOLD,
                Duration.ofSeconds(5), AdaptiveVectorsFormat.DEFAULT_GRAPH_MIN_DOCS);

        public Options(int exactSearchThreshold, Duration commitInterval) {
            this(exactSearchThreshold, commitInterval, AdaptiveVectorsFormat.DEFAULT_GRAPH_MIN_DOCS);
        }

        public Options(int exactSearchThreshold, Duration commitInterval, int graphMinDocs) {
            this(exactSearchThreshold, commitInterval, graphMinDocs, DEFAULT_KEYWORD_K1);
        }

        public Options {
            if (!(keywordK1 >= 0) || Float.isInfinite(keywordK1)) {
                throw new ConfigException("keyword_k1 must be a non-negative number, got " + keywordK1);
            }
            if (graphMinDocs < 0) {
                throw new ConfigException("graph_min_docs must not be negative");
            }
            if (exactSearchThreshold < 0) {
                throw new ConfigException("exact_search_threshold must not be negative");
            }
            if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
                throw new ConfigException("commit interval must be positive");
            }
        }
    }

    /** Roll to a fresh translog generation (by committing) once the current one grows past this. */
    private static final long MAX_TRANSLOG_BYTES = 64L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(LuceneVectorStore.class);

    private final Path dataDir;
    private final int dimension;
    private final int exactSearchThreshold;
    private final Translog translog;
    private final ScheduledExecutorService committer;
    private final AtomicLong writes = new AtomicLong();
    private final Object refreshLock = new Object();
    private long refreshedWrites;
    /** Writes since the last refresh, for {@link #nearestLive}; refreshed away once it holds this many. */
    private final RecentWrites recent = new RecentWrites();
    private static final int MAX_RECENT_WRITES = 1024;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Hits already decoded from stored documents (see {@link HitCache}). */
    private final HitCache decoded = new HitCache();
    /** Each segment's documents in retain order, for {@link #nextItems} (see {@link RetainOrder}). */
    private final RetainOrder retainOrder = new RetainOrder();
    private final float keywordK1;
    /** Shared by mutations, exclusive for a commit: a commit never sees half a batch. */
    private final ReentrantReadWriteLock commitGate = new ReentrantReadWriteLock();
    private final Object commitMutex = new Object();
    private final Object deleteMutex = new Object();
    private final ConcurrentMergeScheduler merges =
            new ConcurrentMergeScheduler();
    private volatile boolean closed;

    private LuceneVectorStore(Path dataDir, int dimension, Options options) throws IOException {
        this.dataDir = dataDir;
        this.dimension = dimension;
        this.exactSearchThreshold = options.exactSearchThreshold();
        this.keywordK1 = options.keywordK1();
        this.directory = FSDirectory.open(dataDir.resolve("index"));
        IndexWriterConfig iwc = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setMergeScheduler(merges)
                .setCodec(codec(options.graphMinDocs()))
                .setCommitOnClose(true);
        IndexWriter w;
        try {
            w = new IndexWriter(directory, iwc);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new ConfigException("data folder " + dataDir + " is already open in another Astrocyte instance or "
                    + "process", e);
        }
        this.writer = w;
        Translog log = null;
        try {
            log = new Translog(dataDir.resolve("translog"));
            List<JsonNode> pending = log.readExisting();
            for (JsonNode record : pending) {
                TranslogRecords.replay(record, writer);
            }
            writer.commit();
            log.deleteReplayed();
            if (!pending.isEmpty()) {
                LOG.info("replayed {} translog records into {}", pending.size(), dataDir);
            }
            this.searchers = new SearcherManager(writer, new org.apache.lucene.search.SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                        org.apache.lucene.index.IndexReader previous) throws IOException {
                    IndexSearcher s = new IndexSearcher(reader);
                    // only k1 differs from the index-time similarity; norms do not depend on it
                    s.setSimilarity(new org.apache.lucene.search.similarities.BM25Similarity(keywordK1, 0.75f));
                    return s;
                }
            });
        } catch (IOException | RuntimeException e) {
            if (log != null) {
                log.close();
            }
            writer.close();
            directory.close();
            throw e;
        }
        this.translog = log;
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "astrocyte-lucene-commit");
            t.setDaemon(true);
            return t;
        });
        long every = options.commitInterval().toMillis();
        committer.scheduleWithFixedDelay(this::backgroundCommit, every, every,
                TimeUnit.MILLISECONDS);
    }

    /** Opens (creating if needed) a store in {@code dataDir} for vectors of the given embedding space. */
    public static LuceneVectorStore open(Path dataDir, int dimension, String embeddingModel) {
        return open(dataDir, dimension, embeddingModel, DEFAULT_EXACT_SEARCH_THRESHOLD);
    }

    public static LuceneVectorStore open(Path dataDir, int dimension, String embeddingModel, int exactSearchThreshold) {
        return open(dataDir, dimension, embeddingModel, new Options(exactSearchThreshold,
                Options.DEFAULT.commitInterval()));
    }

    public static LuceneVectorStore open(Path dataDir, int dimension, String embeddingModel, Options options) {
        if (dimension <= 0 || dimension > 4096) {
            throw new ConfigException("embedding dimension must be 1-4096, got " + dimension);
        }
        try {
            Files.createDirectories(dataDir);
            StoreManifest.ensure(dataDir, dimension, embeddingModel);
            return new LuceneVectorStore(dataDir, dimension, options);
        } catch (IOException e) {
            throw new ConfigException("cannot open data folder " + dataDir + ": " + e, e);
        }
    }

    @Override
    public String name() {
        return "embedded";
    }

    public Path dataDirectory() {
        return dataDir;
    }

    // ---- writes -----------------------------------------------------------------------------------

    @Override
    public List<String> storeVectors(List<VectorItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Document> docs = new ArrayList<>(items.size());
        List<String> ids = new ArrayList<>(items.size());
        for (VectorItem item : items) {
            if (item.vector() != null && item.vector().length != dimension) {
                throw new IllegalArgumentException("memory " + item.id() + " has a " + item.vector().length
                        + "-d vector; this store holds " + dimension + "-d vectors");
            }
            docs.add(Documents.toDocument(item));
            ids.add(item.id());
        }
        long position;
        commitGate.readLock().lock();
        try {
            position = translog.append(TranslogRecords.store(items));
            for (int i = 0; i < docs.size(); i++) {
                VectorItem item = items.get(i);
                writer.updateDocument(new Term(Fields.UID, Fields.uid(item.bankId(), item.id())), docs.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            commitGate.readLock().unlock();
        }
        recent.added(acknowledge(position), items);
        return ids;
    }

    @Override
    public int softDelete(Collection<String> ids, String bankId, Instant forgottenAt) {
        return stampDocValue(ids, bankId, VectorFilters.none().withIncludeArchived(true),
                targets -> TranslogRecords.forget(bankId, targets, forgottenAt),
                id -> writer.updateNumericDocValue(new Term(Fields.UID, Fields.uid(bankId, id)), Fields.FORGOTTEN_AT,
                        forgottenAt.toEpochMilli()));
    }

    /** In place: an updatable doc value per memory, logged to the translog like a soft delete. */
    @Override
    public int archive(Collection<String> ids, String bankId, Instant archivedAt) {
        return stampDocValue(ids, bankId, VectorFilters.none(),
                targets -> TranslogRecords.archive(bankId, targets, archivedAt),
                id -> TranslogRecords.applyArchive(writer, bankId, id, archivedAt.toEpochMilli()));
    }

    @FunctionalInterface
    private interface IdUpdate {
        void apply(String id) throws IOException;
    }

    /**
     * Sets a doc value on those of {@code ids} that {@code eligible} selects (logged first, then applied) and
     * returns how many. They leave {@link #nearestLive} as deleted ones do: forgotten and archived memories are
     * no dedup candidates.
     */
    private int stampDocValue(Collection<String> ids, String bankId, VectorFilters eligible,
            java.util.function.Function<List<String>, com.fasterxml.jackson.databind.node.ObjectNode> record,
            IdUpdate update) {
        if (ids.isEmpty()) {
            return 0;
        }
        synchronized (deleteMutex) {
            Query selected = new BooleanQuery.Builder()
                    .add(FilterQueries.uids(bankId, ids), BooleanClause.Occur.FILTER)
                    .add(FilterQueries.of(bankId, eligible), BooleanClause.Occur.FILTER).build();
            List<String> targets = read(s -> {
                List<String> found = new ArrayList<>();
                for (ScoreDoc sd : s.search(selected, Math.max(1, ids.size())).scoreDocs) {
                    found.add(s.storedFields().document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
                }
                return found;
            });
            if (targets.isEmpty()) {
                return 0;
            }
            long position;
            commitGate.readLock().lock();
            try {
                position = translog.append(record.apply(targets));
                for (String id : targets) {
                    update.apply(id);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                commitGate.readLock().unlock();
            }
            recent.removed(acknowledge(position), bankId, targets);
            return targets.size();
        }
    }

    /**
     * Reads the current statistics of the memories, adds the increments and writes the sums as doc values,
     * logged to the translog as absolute values. Serialized with deletes so that two batches never add to
     * the same old count.
     */
    @Override
    public void recordRecalls(String bankId, java.util.Map<String, io.astrocyte.spi.RecallStats> increments) {
        if (increments.isEmpty()) {
            return;
        }
        synchronized (deleteMutex) {
            Query target = FilterQueries.uids(bankId, increments.keySet());
            java.util.Map<String, io.astrocyte.spi.RecallStats> sums = read(s -> {
                java.util.Map<String, io.astrocyte.spi.RecallStats> out = new java.util.LinkedHashMap<>();
                for (ScoreDoc sd : s.search(target, increments.size()).scoreDocs) {
                    VectorItem item = loadItem(s, sd.doc, false);
                    io.astrocyte.spi.RecallStats more = increments.get(item.id());
                    if (more != null) {
                        out.put(item.id(), item.recalls().plus(more));
                    }
                }
                return out;
            });
            if (sums.isEmpty()) {
                return;
            }
            long position;
            commitGate.readLock().lock();
            try {
                position = translog.append(TranslogRecords.recalls(bankId, sums));
                for (var e : sums.entrySet()) {
                    TranslogRecords.applyRecalls(writer, bankId, e.getKey(), e.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                commitGate.readLock().unlock();
            }
            acknowledge(position);
        }
    }

    @Override
    public boolean keepsRecallStats() {
        return true;
    }

    @Override
    public int delete(Collection<String> ids, String bankId) {
        if (ids.isEmpty()) {
            return 0;
        }
        synchronized (deleteMutex) {
            Query target = FilterQueries.uids(bankId, ids);
            int n = read(s -> s.count(target));
            if (n == 0) {
                return 0;
            }
            long position;
            commitGate.readLock().lock();
            try {
                position = translog.append(TranslogRecords.purge(bankId, ids));
                writer.deleteDocuments(target);
                decoded.clear();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                commitGate.readLock().unlock();
            }
            recent.removed(acknowledge(position), bankId, ids);
            return n;
        }
    }

    /**
     * Makes a write durable (translog fsync) and visible to the next read; may trigger a commit. Returns
     * the write's sequence number.
     */
    private long acknowledge(long translogPosition) {
        try {
            translog.sync(translogPosition);
        } catch (IOException e) {
            throw new UncheckedIOException("translog sync failed in " + dataDir, e);
        }
        long seq = writes.incrementAndGet();
        if (translog.bytesInGeneration() > MAX_TRANSLOG_BYTES && !closed) {
            committer.execute(this::backgroundCommit);
        }
        return seq;
    }

    /**
     * Commits the index and drops the translog generations the commit now holds. The translog rolls
     * while no mutation is in flight, so everything in the closed generations is in the writer.
     */
    public void commit() {
        synchronized (commitMutex) {
            try {
                if (translog.isEmpty() && !writer.hasUncommittedChanges()) {
                    return;
                }
                long closedGeneration;
                commitGate.writeLock().lock();
                try {
                    closedGeneration = translog.roll();
                } finally {
                    commitGate.writeLock().unlock();
                }
                writer.commit();
                translog.deleteUpTo(closedGeneration);
            } catch (IOException e) {
                throw new UncheckedIOException("commit failed in " + dataDir, e);
            }
        }
    }

    private void backgroundCommit() {
        try {
            if (!closed) {
                commit();
            }
        } catch (RuntimeException e) {
            LOG.error("background commit of {} failed; writes stay in the translog", dataDir, e);
        }
    }

    /** Refreshes the searcher if writes were acknowledged since the last refresh (read-your-writes). */
    private void ensureFresh() {
        long target = writes.get();
        synchronized (refreshLock) {
            if (refreshedWrites >= target) {
                return;
            }
            long now = writes.get();
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            recent.visibleUpTo(now);
            refreshedWrites = now;
        }
    }

    // ---- reads ------------------------------------------------------------------------------------

    @Override
    public List<VectorHit> searchSimilar(float[] vector, String bankId, int limit, VectorFilters filters) {
        if (limit <= 0) {
            return List.of();
        }
        if (vector.length != dimension) {
            throw new IllegalArgumentException("query vector is " + vector.length + "-d; this store holds "
                    + dimension + "-d vectors");
        }
        float[] query = Vectors.normalized(vector);
        Query filter = FilterQueries.of(bankId, filters);
        return read(s -> similar(s, filter, query, limit));
    }

    /** Exact scoring for small filtered sets, the HNSW graph beyond; {@code query} is a unit vector. */
    private List<VectorHit> similar(IndexSearcher s, Query filter, float[] query, int limit) throws IOException {
        int[][] matching = ExactSearch.matchingUpTo(s, filter, exactSearchThreshold);
        ScoreDoc[] top;
        if (matching != null) {
            top = ExactSearch.top(s, matching, query, limit).toArray(new ScoreDoc[0]);
        } else {
            int beam = Math.max(limit, MIN_HNSW_CANDIDATES);
            top = s.search(new KnnFloatVectorQuery(Fields.VECTOR, query, beam, filter), limit).scoreDocs;
        }
        List<VectorHit> hits = new ArrayList<>(top.length);
        HitCache.Reader reader = decoded.reader(s);
        for (ScoreDoc sd : top) {
            hits.add(reader.hit(sd.doc, Math.min(1.0, sd.score)));
        }
        return hits;
    }

    /**
     * Answers from the current searcher without refreshing it, corrected by the writes acknowledged since
     * (items added are scored directly, items removed are skipped), so a retain loop with dedup does not
     * pay for a refresh per retain. Once that record grows past {@value #MAX_RECENT_WRITES} entries, this
     * refreshes first.
     */
    @Override
    public Optional<VectorHit> nearestLive(float[] vector, String bankId) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("query vector is " + vector.length + "-d; this store holds "
                    + dimension + "-d vectors");
        }
        if (recent.size() > MAX_RECENT_WRITES) {
            ensureFresh();
        }
        float[] query = Vectors.normalized(vector);
        IndexSearcher searcher;
        RecentWrites.Snapshot since;
        synchronized (recent) {
            searcher = acquire();
            since = recent.snapshot(bankId);
        }
        Query filter = FilterQueries.of(bankId, VectorFilters.none());
        VectorHit best = readAndRelease(searcher, s -> {
            for (VectorHit h : similar(s, filter, query, 1 + since.removedIds().size())) {
                if (!since.removedIds().contains(h.id())) {
                    return h;
                }
            }
            return null;
        });
        for (RecentWrites.Added a : since.added()) {
            if (a.item().forgottenAt() != null) {
                continue;
            }
            double score = ExactSearch.unitScore(query, a.unit());
            if (best == null || score > best.score()) {
                best = a.item().toHit(score);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Which dot product exact search runs: {@code "scalar"} (Lucene's, the Java 17 behaviour) or
     * {@code "vector-api-<bits>"} on Java 21+ when the JVM was started with
     * {@code --add-modules jdk.incubator.vector} and this jar was built on Java 21+.
     */
    public static String dotProductKernel() {
        return ExactSearch.kernel();
    }

    private static Codec codec(int graphMinDocs) {
        AdaptiveVectorsFormat vectors = new AdaptiveVectorsFormat(graphMinDocs);
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }

    /**
     * Merges the index down to at most {@code maxSegments} segments and waits for it: a maintenance
     * call for after bulk loads. Segments that reach the graph threshold get an HNSW graph.
     */
    public void forceMerge(int maxSegments) {
        try {
            writer.forceMerge(maxSegments, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<VectorHit> searchKeyword(String query, String bankId, int limit, VectorFilters filters) {
        Set<String> terms = analyze(query);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(Fields.TEXT, t)), BooleanClause.Occur.SHOULD);
        }
        b.add(FilterQueries.of(bankId, filters), BooleanClause.Occur.FILTER);
        b.setMinimumNumberShouldMatch(1);
        Query q = b.build();
        return read(s -> {
            TopDocs top = s.search(q, limit);
            if (top.scoreDocs.length == 0) {
                return List.of();
            }
            double max = top.scoreDocs[0].score;
            List<VectorHit> hits = new ArrayList<>(top.scoreDocs.length);
            HitCache.Reader reader = decoded.reader(s);
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(reader.hit(sd.doc, max > 0 ? sd.score / max : 0));
            }
            return hits;
        });
    }

    private Set<String> analyze(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public List<VectorItem> listVectors(String bankId, ListCursor after, int limit, VectorFilters filters) {
        return list(bankId, after, limit, filters, true);
    }

    /** Without reading the vectors: cheaper for lifecycle, forget by selector and export without embeddings. */
    @Override
    public List<VectorItem> listItems(String bankId, ListCursor after, int limit, VectorFilters filters) {
        return list(bankId, after, limit, filters, false);
    }

    private List<VectorItem> list(String bankId, ListCursor after, int limit, VectorFilters filters,
            boolean withVectors) {
        if (limit <= 0) {
            return List.of();
        }
        Query filter = FilterQueries.of(bankId, filters);
        return read(s -> {
            if (s.getIndexReader().maxDoc() == 0) {
                return List.<VectorItem>of();
            }
            List<VectorItem> out = new ArrayList<>();
            for (ScoreDoc sd : page(s, filter, after, limit).scoreDocs) {
                out.add(loadItem(s, sd.doc, withVectors));
            }
            return out;
        });
    }

    /**
     * Each cursor's next item from one searcher: a one-item page after it in listing order, which the sort answers
     * from the points index without scanning the bank (tens of microseconds at 10,000 memories however densely in
     * time they were retained).
     */
    @Override
    public List<VectorItem> nextItems(String bankId, List<ListCursor> cursors, VectorFilters filters) {
        if (cursors.isEmpty()) {
            return List.of();
        }
        Query filter = FilterQueries.of(bankId, filters);
        return read(s -> {
            List<VectorItem> out = new ArrayList<>(cursors.size());
            if (s.getIndexReader().maxDoc() == 0) {
                cursors.forEach(c -> out.add(null));
                return out;
            }
            Query rewritten = s.rewrite(filter);
            int[] next = retainOrder.next(s, s.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f), cursors);
            HitCache.Reader reader = decoded.reader(s);
            for (int i = 0; i < next.length; i++) {
                int doc = next[i];
                if (doc == RetainOrder.GAVE_UP) {
                    // the bank's memories lie far apart among other banks' here: the sort finds the next one
                    ScoreDoc[] page = page(s, rewritten, cursors.get(i), 1).scoreDocs;
                    doc = page.length == 0 ? -1 : page[0].doc;
                }
                out.add(doc < 0 ? null : decodedItem(s, reader, doc, bankId));
            }
            return out;
        });
    }

    /** {@link #loadItem} without the vector, decoded once per segment and document (see {@link HitCache}). */
    private static VectorItem decodedItem(IndexSearcher s, HitCache.Reader reader, int doc, String bankId)
            throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        return Documents.toItem(reader.hit(doc, 0), bankId, docValue(leaf, Fields.FORGOTTEN_AT, local, Fields.LIVE),
                docValue(leaf, Fields.ARCHIVED_AT, local, Fields.LIVE), docValue(leaf, Fields.RECALL_COUNT, local, 0),
                docValue(leaf, Fields.LAST_RECALLED_AT, local, 0));
    }

    /**
     * Up to {@code limit} matching documents in {@link #LIST_ORDER}, after {@code after} when it is given (the index
     * must not be empty). A page after a cursor starts after its (retained_at, id), and searchAfter lets the sort skip
     * everything up to it; the last doc number breaks the tie of the cursor's own values against it, so the item the
     * cursor names is never returned again. No total hit count is wanted, so the sort skips non-competitive documents
     * from the start (IndexSearcher's default counts 1,000 hits first, which made a one-item page cost a scan).
     */
    private static TopDocs page(IndexSearcher s, Query filter, ListCursor after, int limit) throws IOException {
        int maxDoc = s.getIndexReader().maxDoc();
        FieldDoc from = after == null ? null : new FieldDoc(maxDoc - 1, Float.NaN, new Object[] {
                after.retainedAt() == null ? Long.MIN_VALUE : after.retainedAt().toEpochMilli(),
                new BytesRef(after.id())});
        int n = Math.min(limit, maxDoc); // the collector's queue is sized to it, so never to Integer.MAX_VALUE
        return s.search(filter, new TopFieldCollectorManager(LIST_ORDER, n, from, n));
    }

    private static VectorItem loadItem(IndexSearcher s, int doc, boolean withVector) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        float[] vector = null;
        FloatVectorValues vectors = withVector ? leaf.reader().getFloatVectorValues(Fields.VECTOR) : null;
        if (vectors != null && vectors.advance(local) == local) {
            vector = vectors.vectorValue().clone();
        }
        return Documents.toItem(s.storedFields().document(doc), vector,
                docValue(leaf, Fields.FORGOTTEN_AT, local, Fields.LIVE), docValue(leaf, Fields.ARCHIVED_AT, local, Fields.LIVE),
                docValue(leaf, Fields.RECALL_COUNT, local, 0), docValue(leaf, Fields.LAST_RECALLED_AT, local, 0));
    }

    private static long docValue(LeafReaderContext leaf, String field, int doc, long absent) throws IOException {
        NumericDocValues v = leaf.reader().getNumericDocValues(field);
        return v != null && v.advanceExact(doc) ? v.longValue() : absent;
    }

    /** How many segments' retain orders the store keeps (tests). */
    int retainOrdersKept() {
        return retainOrder.segmentsKept();
    }

    /** How many decoded hits the store keeps for reuse (tests). */
    int decodedHits() {
        return decoded.size();
    }

    @Override
    public List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters) {
        return recent(limit, FilterQueries.of(bankId, filters));
    }

    @Override
    public List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters, Instant notBefore) {
        // event_at has doc values only; as a filter beside the bank clause it is checked per candidate, and what it
        // leaves out is never sorted or read
        Query bounded = new BooleanQuery.Builder().add(FilterQueries.of(bankId, filters), BooleanClause.Occur.FILTER)
                .add(NumericDocValuesField.newSlowRangeQuery(Fields.EVENT_AT, notBefore.toEpochMilli(), Long.MAX_VALUE),
                        BooleanClause.Occur.FILTER).build();
        return recent(limit, bounded);
    }

    private List<VectorHit> recent(int limit, Query filter) {
        if (limit <= 0) {
            return List.of();
        }
        return read(s -> {
            List<VectorHit> out = new ArrayList<>();
            HitCache.Reader reader = decoded.reader(s);
            for (ScoreDoc sd : s.search(filter, limit, RECENT_ORDER).scoreDocs) {
                out.add(reader.hit(sd.doc, 0));
            }
            return out;
        });
    }

    @Override
    public long count(String bankId, VectorFilters filters) {
        Query filter = FilterQueries.of(bankId, filters);
        return read(s -> (long) s.count(filter));
    }

    @Override
    public HealthStatus health() {
        if (closed || !writer.isOpen()) {
            Throwable t = writer.getTragicException();
            return HealthStatus.down("index closed" + (t == null ? "" : ": " + t));
        }
        long start = System.nanoTime();
        int docs = read(s -> s.getIndexReader().numDocs());
        return new HealthStatus(true, docs + " memories in " + dataDir, (System.nanoTime() - start) / 1e6,
                Instant.now());
    }

    /**
     * Blocks until background segment merges have finished. Merges rebuild HNSW graphs and are
     * CPU-heavy; call this after a bulk load (benchmarks, imports) before measuring or serving.
     */
    public void awaitMerges() {
        try {
            writer.maybeMerge();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        merges.sync();
    }

    /** Test support: stops as a crash would, dropping everything not committed (the translog stays). */
    synchronized void crashForTesting() throws IOException {
        closed = true;
        committer.shutdownNow();
        searchers.close();
        writer.rollback();
        translog.close();
        directory.close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        committer.shutdown();
        try {
            committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            commit();
            translog.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + dataDir, e);
        }
    }

    /** A read against the latest refreshed searcher. */
    private <T> T read(SearcherFunction<T> f) {
        ensureFresh();
        return readAndRelease(acquire(), f);
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies {@code f} to an acquired searcher and releases it. */
    private <T> T readAndRelease(IndexSearcher s, SearcherFunction<T> f) {
        try {
            return f.apply(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public String toString() {
        return "LuceneVectorStore[" + dataDir + "]";
    }
}
