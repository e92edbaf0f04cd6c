package io.astrocyte.qdrant;

import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;
import static io.qdrant.client.ValueFactory.value;

import io.astrocyte.spi.HealthStatus;
import io.astrocyte.spi.KeywordIndex;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import io.qdrant.client.PointIdFactory;
import io.grpc.ManagedChannelBuilder;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.Direction;
import io.qdrant.client.grpc.Points.OrderBy;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import java.util.Set;

/**
 * Astrocyte's store on Qdrant, for servers and clusters ({@code vector_store: qdrant}). One collection holds
 * every bank of one embedding space; each memory is a point with id UUIDv5 of bank and memory id, a named
 * dense vector {@code dense} (cosine), a sparse BM25 vector {@code bm25} (Qdrant's IDF modifier, terms from
 * the same English analyzer as the embedded store) and a payload with {@code bank_id} (tenant-indexed),
 * text, tags, fact type, memory layer, times in epoch milliseconds, chunk id, source and metadata. Every
 * query carries the bank filter; soft delete sets {@code forgotten_at}; {@code as_of} reads see the bank as it
 * stood. Writes wait for Qdrant's acknowledgement (its write-ahead log), so a returned retain survives a
 * crash of this process. Transient gRPC failures are retried with backoff; what remains is a
 * {@link io.astrocyte.ProviderUnavailableException}.
 *
 * <pre>{@code
 * VectorStore store = QdrantVectorStore.builder().host("qdrant.internal").apiKey(key).tls(true)
 *         .dimension(embedder.dimension()).embeddingModel(embedder.modelId()).build();
 * }</pre>
 */
public final class QdrantVectorStore implements VectorStore, KeywordIndex {

    /** Ids per has_id condition: keeps each request far below gRPC's 4 MB message limit. */
    static final int ID_BATCH = 1000;
    /**
     * Bytes a page of points read with their vectors may take: half of gRPC's default 4 MiB message limit,
     * which a client built elsewhere (or a proxy) may keep even though this store raises its own.
     */
    static final int PAGE_BYTES = 2 << 20;
    /** Room for one point's payload (text, tags, metadata) when sizing pages. */
    static final int PAYLOAD_ALLOWANCE = 8 << 10;
    /** Largest message the store's own channel accepts; pages stay far below it. */
    static final int MAX_INBOUND_BYTES = 64 << 20;
    /** Points per scroll request without vectors: 256 payloads of {@link #PAYLOAD_ALLOWANCE} fill {@link #PAGE_BYTES}. */
    static final int PAYLOAD_PAGE = 256;

    private final QdrantClient client;
    private final boolean ownsClient;
    private final QdrantOptions options;
    private final GrpcCalls calls;
    private final PointCodec codec;
    private final Bm25Encoder bm25;
    /** Points per scroll request when vectors come along, so a page stays under {@link #PAGE_BYTES}. */
    private final int pointsPerPage;
    private final io.qdrant.client.grpc.Points.WriteOrdering ordering;
    private final ExactForget exactForget;
    /** Set after the collection is known: the configured level, or majority when it has replicas. */
    private io.qdrant.client.grpc.Points.ReadConsistency readConsistency;

    private QdrantVectorStore(QdrantClient client, boolean ownsClient, QdrantOptions options) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.options = options;
        this.calls = new GrpcCalls(options.timeout(), options.maxRetries(), options.retryBackoff());
        this.bm25 = new Bm25Encoder(options.bm25AverageLength());
        this.codec = new PointCodec(bm25);
        this.pointsPerPage = pointsPerPage(options.dimension());
        this.ordering = Consistency.writeOrdering(options.writeOrdering());
        this.exactForget = new ExactForget(client, calls, options, ordering, this::countOf);
    }

    /** How many points with {@code dimension}-d vectors fit a page: 1536-d gives 146, 384-d 215, at most 256. */
    static int pointsPerPage(int dimension) {
        return (int) Math.max(1, Math.min(256, PAGE_BYTES / ((long) dimension * Float.BYTES + PAYLOAD_ALLOWANCE)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The collection this store uses. */
    public String collection() {
        return options.collection();
    }

    @Override
    public String name() {
        return "qdrant";
    }

    @Override
    public List<String> storeVectors(List<VectorItem> items) {
        List<String> ids = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += options.batchSize()) {
            List<PointStruct> points = new ArrayList<>();
            for (VectorItem item : items.subList(from, Math.min(items.size(), from + options.batchSize()))) {
                if (item.vector().length != options.dimension()) {
                    throw new IllegalArgumentException("memory " + item.id() + " has a " + item.vector().length
                            + "-d vector; the collection holds " + options.dimension() + "-d vectors");
                }
                points.add(codec.point(item));
                ids.add(item.id());
            }
            UpsertPoints upsert = UpsertPoints.newBuilder().setCollectionName(options.collection()).setWait(true)
                    .setOrdering(ordering).addAllPoints(points).build();
            calls.call("upsert", () -> client.upsertAsync(upsert));
        }
        return ids;
    }

    @Override
    public List<VectorHit> searchSimilar(float[] vector, String bankId, int limit, VectorFilters filters) {
        if (limit <= 0) {
            return List.of(); // Qdrant refuses limit 0 as a bad request
        }
        QueryPoints.Builder query = QueryPoints.newBuilder().setCollectionName(options.collection()).setQuery(nearest(vector))
                .setUsing(Payload.DENSE).setFilter(QdrantFilters.of(bankId, filters)).setLimit(limit)
                .setWithPayload(enable(true));
        if (readConsistency != null) {
            query.setReadConsistency(readConsistency);
        }
        if (options.hnswEf() != null || options.exactSearch()) {
            io.qdrant.client.grpc.Points.SearchParams.Builder params = io.qdrant.client.grpc.Points.SearchParams
                    .newBuilder().setExact(options.exactSearch());
            if (options.hnswEf() != null) {
                params.setHnswEf(options.hnswEf());
            }
            query.setParams(params);
        }
        List<ScoredPoint> points = calls.call("vector search", () -> client.queryAsync(query.build()));
        List<VectorHit> hits = new ArrayList<>(points.size());
        for (ScoredPoint p : points) {
            // Qdrant's cosine score is the cosine itself; the SPI wants (1 + cos) / 2
            double score = Math.max(0, Math.min(1, (1 + p.getScore()) / 2));
            hits.add(PointCodec.hit(p.getPayloadMap(), score));
        }
        return hits;
    }

    @Override
    public List<VectorHit> searchKeyword(String query, String bankId, int limit, VectorFilters filters) {
        Bm25Encoder.Sparse sparse = bm25.query(query);
        if (sparse.isEmpty() || limit <= 0) {
            return List.of();
        }
        QueryPoints.Builder request = QueryPoints.newBuilder().setCollectionName(options.collection())
                .setQuery(nearest(sparse.values(), sparse.indices())).setUsing(Payload.SPARSE)
                .setFilter(QdrantFilters.of(bankId, filters)).setLimit(limit).setWithPayload(enable(true));
        if (readConsistency != null) {
            request.setReadConsistency(readConsistency);
        }
        List<ScoredPoint> points = calls.call("keyword search", () -> client.queryAsync(request.build()));
        if (points.isEmpty()) {
            return List.of();
        }
        double best = points.get(0).getScore();
        List<VectorHit> hits = new ArrayList<>(points.size());
        for (ScoredPoint p : points) {
            hits.add(PointCodec.hit(p.getPayloadMap(), best > 0 ? p.getScore() / best : 0));
        }
        return hits;
    }

    /**
     * Pages in ({@code retained_at}, id) order. Qdrant orders by {@code retained_at} only, so a page is read
     * together with every point that shares the {@code retained_at} value at its end and sorted by id here;
     * the next page starts from the cursor's {@code retained_at}, so a whole bank costs one pass.
     */
    @Override
    public List<VectorItem> listVectors(String bankId, ListCursor after, int limit, VectorFilters filters) {
        return list(bankId, after, limit, filters, true);
    }

    /** The page of {@link #listVectors} without vectors: payload only, in pages of {@link #PAYLOAD_PAGE}. */
    @Override
    public List<VectorItem> listItems(String bankId, ListCursor after, int limit, VectorFilters filters) {
        return list(bankId, after, limit, filters, false);
    }

    private List<VectorItem> list(String bankId, ListCursor after, int limit, VectorFilters filters,
            boolean withVectors) {
        if (limit <= 0) {
            return List.of();
        }
        Filter filter = QdrantFilters.of(bankId, filters);
        return after == null ? List.copyOf(firstInOrder(filter, limit, withVectors))
                : continueAfter(filter, after, limit, withVectors);
    }

    /**
     * The first {@code n} matching points in (retained_at, id) order, read in pages of at most
     * {@link #pointsPerPage} points: each page ends at a retained_at value whose ties are all read with it,
     * and the next page starts after that value, so no point is skipped or read twice.
     */
    private List<VectorItem> firstInOrder(Filter filter, int n, boolean withVectors) {
        List<VectorItem> out = new ArrayList<>();
        Filter remaining = filter;
        while (out.size() < n) {
            int want = Math.min(n - out.size(), pageSize(withVectors));
            List<VectorItem> page = scrollOrdered(remaining, want, Direction.Asc, withVectors);
            if (page.size() < want) {
                out.addAll(page);
                break;
            }
            long t = page.get(page.size() - 1).retainedAt().toEpochMilli();
            page.removeIf(i -> i.retainedAt().toEpochMilli() == t);
            out.addAll(page);
            out.addAll(scrollAll(atRetainedAt(remaining, t), withVectors));
            remaining = filter.toBuilder().addMust(io.qdrant.client.ConditionFactory.range(Payload.RETAINED_AT,
                    Range.newBuilder().setGt(t).build())).build();
        }
        out.sort(LIST_ORDER);
        return out.size() > n ? new ArrayList<>(out.subList(0, n)) : out;
    }

    /** The points after the cursor: the rest of its retained_at value, then the values after it. */
    private List<VectorItem> continueAfter(Filter filter, ListCursor c, int limit, boolean withVectors) {
        long t = c.retainedAt() == null ? 0 : c.retainedAt().toEpochMilli();
        List<VectorItem> out = scrollAll(atRetainedAt(filter, t), withVectors);
        out.removeIf(i -> !c.isBefore(i));
        out.sort(LIST_ORDER);
        if (out.size() < limit) {
            out.addAll(firstInOrder(filter.toBuilder().addMust(io.qdrant.client.ConditionFactory.range(
                    Payload.RETAINED_AT, Range.newBuilder().setGt(t).build())).build(), limit - out.size(),
                    withVectors));
        }
        return List.copyOf(out.size() > limit ? out.subList(0, limit) : out);
    }

    /**
     * Every cursor's next item in one round trip: a short scroll per cursor from its {@code retained_at} on, all sent
     * at once. A page settles its cursor unless the page was full and the item found shares the page's last
     * {@code retained_at} (a point with that value and a smaller id might lie beyond it); such a cursor, rare outside
     * bulk imports, is listed alone.
     */
    @Override
    public List<VectorItem> nextItems(String bankId, List<ListCursor> cursors, VectorFilters filters) {
        if (cursors.isEmpty()) {
            return List.of();
        }
        Filter filter = QdrantFilters.of(bankId, filters);
        List<java.util.function.Supplier<com.google.common.util.concurrent.ListenableFuture<
                io.qdrant.client.grpc.Points.ScrollResponse>>> scrolls = new ArrayList<>();
        for (ListCursor c : cursors) {
            long t = c.retainedAt() == null ? 0 : c.retainedAt().toEpochMilli();
            ScrollPoints.Builder scroll = ScrollPoints.newBuilder().setCollectionName(options.collection())
                    .setFilter(filter.toBuilder().addMust(io.qdrant.client.ConditionFactory.range(Payload.RETAINED_AT,
                            Range.newBuilder().setGte(t).build())).build())
                    .setLimit(NEXT_PAGE).setWithPayload(enable(true))
                    .setWithVectors(WithVectorsSelectorFactory.enable(false))
                    .setOrderBy(OrderBy.newBuilder().setKey(Payload.RETAINED_AT).setDirection(Direction.Asc));
            if (readConsistency != null) {
                scroll.setReadConsistency(readConsistency);
            }
            ScrollPoints request = scroll.build();
            scrolls.add(() -> client.scrollAsync(request));
        }
        List<io.qdrant.client.grpc.Points.ScrollResponse> pages = calls.callAll("scroll", scrolls);
        List<VectorItem> out = new ArrayList<>(cursors.size());
        for (int i = 0; i < cursors.size(); i++) {
            ListCursor c = cursors.get(i);
            List<VectorItem> page = items(pages.get(i).getResultList(), false);
            VectorItem next = page.stream().filter(c::isBefore).min(LIST_ORDER).orElse(null);
            boolean full = page.size() >= NEXT_PAGE;
            if (full && (next == null || next.retainedAt().equals(page.get(page.size() - 1).retainedAt()))) {
                List<VectorItem> alone = listItems(bankId, c, 1, filters);
                next = alone.isEmpty() ? null : alone.get(0);
            }
            out.add(next);
        }
        return out;
    }

    private int pageSize(boolean withVectors) {
        return withVectors ? pointsPerPage : PAYLOAD_PAGE;
    }

    private static Filter atRetainedAt(Filter filter, long t) {
        return filter.toBuilder().addMust(io.qdrant.client.ConditionFactory.range(Payload.RETAINED_AT,
                Range.newBuilder().setGte(t).setLte(t).build())).build();
    }

    /** Points a next-item scroll reads after its cursor's {@code retained_at}. */
    private static final int NEXT_PAGE = 8;

    private static final Comparator<VectorItem> LIST_ORDER = Comparator.comparing(VectorItem::retainedAt)
            .thenComparing(VectorItem::id);

    @Override
    public List<VectorHit> listRecent(String bankId, int limit, VectorFilters filters) {
        if (limit <= 0) {
            return List.of();
        }
        List<VectorItem> items = scrollOrdered(QdrantFilters.of(bankId, filters), limit, Direction.Desc, false);
        return items.stream().map(i -> i.toHit(0)).toList();
    }

    @Override
    public long count(String bankId, VectorFilters filters) {
        return countOf(QdrantFilters.of(bankId, filters));
    }

    @Override
    public int softDelete(Collection<String> ids, String bankId, Instant forgottenAt) {
        int changed = 0;
        for (List<PointId> batch : batches(ids, bankId)) {
            changed += forget(bankId, QdrantFilters.withIds(QdrantFilters.of(bankId,
                    VectorFilters.none().withIncludeArchived(true)), batch), forgottenAt);
        }
        return changed;
    }

    @Override
    public int delete(Collection<String> ids, String bankId) {
        int removed = 0;
        for (List<PointId> batch : batches(ids, bankId)) {
            removed += forget(bankId, QdrantFilters.withIds(QdrantFilters.of(bankId,
                    VectorFilters.none().withIncludeForgotten(true)), batch), null);
        }
        return removed;
    }

    @Override
    public int archive(Collection<String> ids, String bankId, Instant archivedAt) {
        int changed = 0;
        for (List<PointId> batch : batches(ids, bankId)) {
            changed += exactForget.archive(bankId, QdrantFilters.withIds(QdrantFilters.of(bankId,
                    VectorFilters.none()), batch), archivedAt);
        }
        return changed;
    }

    /**
     * Reads the current statistics of the points, adds the increments, and writes the sums with one
     * {@code set_payload} per distinct (count, last recall) pair: most batches hold few distinct pairs.
     * Qdrant has no atomic increment, so two instances flushing the same memory at once may lose one
     * increment; the count is a usage signal, not a ledger.
     */
    @Override
    public void recordRecalls(String bankId, Map<String, io.astrocyte.spi.RecallStats> increments) {
        for (List<PointId> batch : batches(increments.keySet(), bankId)) {
            Filter points = QdrantFilters.withIds(QdrantFilters.of(bankId,
                    VectorFilters.none().withIncludeForgotten(true)), batch);
            Map<io.astrocyte.spi.RecallStats, List<PointId>> bySum = new LinkedHashMap<>();
            for (VectorItem item : scrollAll(points, false)) {
                io.astrocyte.spi.RecallStats more = increments.get(item.id());
                if (more != null) {
                    bySum.computeIfAbsent(item.recalls().plus(more), k -> new ArrayList<>())
                            .add(PointIdFactory.id(PointIds.of(bankId, item.id())));
                }
            }
            for (var e : bySum.entrySet()) {
                io.astrocyte.spi.RecallStats sum = e.getKey();
                SetPayloadPoints.Builder set = SetPayloadPoints.newBuilder().setCollectionName(options.collection())
                        .setWait(true).setOrdering(ordering)
                        .putPayload(Payload.RECALL_COUNT, io.qdrant.client.ValueFactory.value(sum.count()))
                        .setPointsSelector(PointsSelector.newBuilder().setFilter(QdrantFilters.withIds(QdrantFilters.of(
                                bankId, VectorFilters.none().withIncludeForgotten(true)), e.getValue())));
                if (sum.lastRecalledAt() != null) {
                    set.putPayload(Payload.LAST_RECALLED_AT,
                            io.qdrant.client.ValueFactory.value(sum.lastRecalledAt().toEpochMilli()));
                }
                calls.call("recall statistics", () -> client.setPayloadAsync(set.build(), null));
            }
        }
    }

    @Override
    public boolean keepsRecallStats() {
        return true;
    }

    /** Natively: one filtered write and one count (see {@link ExactForget}), however many memories match. */
    @Override
    public int forgetMatching(String bankId, VectorFilters filters, Instant forgottenAt) {
        VectorFilters f = forgottenAt == null ? filters : filters.withIncludeForgotten(false).withAsOf(null);
        return forget(bankId, QdrantFilters.of(bankId, f), forgottenAt);
    }

    /**
     * Stamps {@code forgotten_at} on (or, when {@code null}, deletes) the points {@code filter} selects and
     * returns how many this call changed, exactly, however many other calls forget the same points at once.
     */
    private int forget(String bankId, Filter filter, Instant forgottenAt) {
        return forgottenAt == null ? exactForget.delete(bankId, filter) : exactForget.softDelete(bankId, filter, forgottenAt);
    }

    @Override
    public HealthStatus health() {
        long start = System.nanoTime();
        try {
            var reply = calls.call("health check", () -> client.healthCheckAsync(options.timeout()));
            long points = calls.call("collection info", () -> client.getCollectionInfoAsync(options.collection()))
                    .getPointsCount();
            return new HealthStatus(true, "Qdrant " + reply.getVersion() + ", collection " + options.collection()
                    + " with " + points + " points", (System.nanoTime() - start) / 1e6, Instant.now());
        } catch (RuntimeException e) {
            return new HealthStatus(false, e.getMessage(), (System.nanoTime() - start) / 1e6, Instant.now());
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private long countOf(Filter filter) {
        io.qdrant.client.grpc.Points.CountPoints.Builder count = io.qdrant.client.grpc.Points.CountPoints.newBuilder()
                .setCollectionName(options.collection()).setFilter(filter).setExact(true);
        if (readConsistency != null) {
            count.setReadConsistency(readConsistency);
        }
        // The client's countAsync takes no read consistency; the generated stub does.
        return calls.call("count", () -> com.google.common.util.concurrent.Futures.transform(
                client.grpcClient().points().withDeadlineAfter(options.timeout().toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS).count(count.build()),
                r -> r.getResult().getCount(), com.google.common.util.concurrent.MoreExecutors.directExecutor()));
    }

    /** Point ids of distinct memory ids, in batches small enough for one request each. */
    private static List<List<PointId>> batches(Collection<String> ids, String bankId) {
        List<List<PointId>> out = new ArrayList<>();
        List<PointId> batch = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            batch.add(PointIdFactory.id(PointIds.of(bankId, id)));
            if (batch.size() == ID_BATCH) {
                out.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            out.add(batch);
        }
        return out;
    }

    /** Up to {@code limit} points in payload order ({@code retained_at} ascending or {@code event_time} descending). */
    private List<VectorItem> scrollOrdered(Filter filter, int limit, Direction direction, boolean withVectors) {
        ScrollPoints.Builder scroll = ScrollPoints.newBuilder().setCollectionName(options.collection()).setFilter(filter)
                .setLimit(limit).setWithPayload(enable(true))
                .setWithVectors(withVectors ? WithVectorsSelectorFactory.include(List.of(Payload.DENSE))
                        : WithVectorsSelectorFactory.enable(false))
                .setOrderBy(OrderBy.newBuilder().setKey(direction == Direction.Asc ? Payload.RETAINED_AT
                        : Payload.EVENT_TIME).setDirection(direction));
        if (readConsistency != null) {
            scroll.setReadConsistency(readConsistency);
        }
        return items(calls.call("scroll", () -> client.scrollAsync(scroll.build())).getResultList(), withVectors);
    }

    /** Every point matching {@code filter}, following Qdrant's page offsets. */
    private List<VectorItem> scrollAll(Filter filter, boolean withVectors) {
        List<VectorItem> out = new ArrayList<>();
        PointId offset = null;
        do {
            ScrollPoints.Builder scroll = ScrollPoints.newBuilder().setCollectionName(options.collection())
                    .setFilter(filter).setLimit(pageSize(withVectors)).setWithPayload(enable(true))
                    .setWithVectors(withVectors ? WithVectorsSelectorFactory.include(List.of(Payload.DENSE))
                            : WithVectorsSelectorFactory.enable(false));
            if (offset != null) {
                scroll.setOffset(offset);
            }
            if (readConsistency != null) {
                scroll.setReadConsistency(readConsistency);
            }
            var page = calls.call("scroll", () -> client.scrollAsync(scroll.build()));
            out.addAll(items(page.getResultList(), withVectors));
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
        return out;
    }

    private static List<VectorItem> items(List<RetrievedPoint> points, boolean withVectors) {
        List<VectorItem> out = new ArrayList<>(points.size());
        for (RetrievedPoint p : points) {
            VectorOutput dense = null;
            if (withVectors && p.hasVectors() && p.getVectors().hasVectors()) {
                Map<String, VectorOutput> named = p.getVectors().getVectors().getVectorsMap();
                dense = named.get(Payload.DENSE);
            }
            out.add(PointCodec.item(p.getPayloadMap(), dense));
        }
        return out;
    }

    /** Settings of a {@link QdrantVectorStore}. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 6334;
        private boolean tls;
        private String apiKey;
        private String collection = "astrocyte";
        private int dimension;
        private String embeddingModel;
        private boolean autoCreate = true;
        private Integer shardNumber;
        private Integer replicationFactor;
        private Integer writeConsistencyFactor;
        private String writeOrdering = "medium";
        private String readConsistency;
        private Integer hnswEf;
        private boolean exactSearch;
        private Duration timeout = Duration.ofSeconds(10);
        private int maxRetries = 3;
        private Duration retryBackoff = Duration.ofMillis(100);
        private double bm25AverageLength = 64;
        private int batchSize = 256;
        private QdrantClient client;

        private Builder() {
        }

        /** Qdrant host (default {@code localhost}). */
        public Builder host(String value) {
            this.host = requireText(value, "host");
            return this;
        }

        /** gRPC port (default 6334). */
        public Builder port(int value) {
            if (value <= 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /** Use TLS (default off). */
        public Builder tls(boolean value) {
            this.tls = value;
            return this;
        }

        /** API key sent with every call (default none). */
        public Builder apiKey(String value) {
            this.apiKey = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** Collection name (default {@code astrocyte}); one per embedding space. */
        public Builder collection(String value) {
            this.collection = requireText(value, "collection");
            return this;
        }

        /** The embedder's dimension; required. */
        public Builder dimension(int value) {
            this.dimension = value;
            return this;
        }

        /** The embedder's model id, recorded on the collection and checked on open. */
        public Builder embeddingModel(String value) {
            this.embeddingModel = value;
            return this;
        }

        /** Create the collection when missing (default on); off, a missing collection fails at start. */
        public Builder autoCreate(boolean value) {
            this.autoCreate = value;
            return this;
        }

        /** Shards of a new collection (cluster); default Qdrant's. */
        public Builder shardNumber(Integer value) {
            this.shardNumber = positiveOrNull(value, "shardNumber");
            return this;
        }

        /** Replicas per shard of a new collection (cluster); default Qdrant's. */
        public Builder replicationFactor(Integer value) {
            this.replicationFactor = positiveOrNull(value, "replicationFactor");
            return this;
        }

        /** Replicas that must acknowledge a write in a new collection (cluster); default Qdrant's. */
        public Builder writeConsistencyFactor(Integer value) {
            this.writeConsistencyFactor = positiveOrNull(value, "writeConsistencyFactor");
            return this;
        }

        /**
         * How writes are ordered across replicas: {@code weak}, {@code medium} (default) or {@code strong};
         * see {@link Consistency} for what each costs.
         */
        public Builder writeOrdering(String value) {
            Consistency.writeOrdering(value);
            this.writeOrdering = value;
            return this;
        }

        /**
         * How many replicas answer a read: {@code all}, {@code majority}, {@code quorum} or {@code one}.
         * Default: {@code majority} when the collection has more than one replica, else Qdrant's default.
         */
        public Builder readConsistency(String value) {
            if (value != null) {
                Consistency.readConsistency(value);
            }
            this.readConsistency = value;
            return this;
        }

        /**
         * HNSW search breadth for dense queries (default Qdrant's): higher finds more of the true nearest
         * neighbours at more cost. Qdrant already scans small filtered sets exactly below its
         * {@code full_scan_threshold}, so banks of a few thousand memories rarely need this.
         */
        public Builder hnswEf(Integer value) {
            this.hnswEf = positiveOrNull(value, "hnswEf");
            return this;
        }

        /** Dense queries scan exactly instead of using HNSW (default off): recall 1.0, cost linear in the bank. */
        public Builder exactSearch(boolean value) {
            this.exactSearch = value;
            return this;
        }

        /** Per-call timeout (default 10 s). */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = value;
            return this;
        }

        /** Retries of a transiently failed call (default 3). */
        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
            this.maxRetries = value;
            return this;
        }

        /** First retry delay, doubled each retry, plus jitter (default 100 ms). */
        public Builder retryBackoff(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("retryBackoff must not be negative");
            }
            this.retryBackoff = value;
            return this;
        }

        /** BM25's assumed average document length in terms (default 64, about one chunk). */
        public Builder bm25AverageLength(double value) {
            this.bm25AverageLength = value;
            return this;
        }

        /** Points per upsert request (default 256). */
        public Builder batchSize(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            this.batchSize = value;
            return this;
        }

        /** Use this client instead of connecting; the store then does not close it. */
        public Builder client(QdrantClient value) {
            this.client = value;
            return this;
        }

        /** Connects (unless given a client), checks or creates the collection, and returns the store. */
        public QdrantVectorStore build() {
            QdrantOptions o = new QdrantOptions(host, port, tls, apiKey, collection, dimension, embeddingModel,
                    autoCreate, shardNumber, replicationFactor, writeConsistencyFactor, timeout, maxRetries,
                    retryBackoff, bm25AverageLength, batchSize, writeOrdering, readConsistency, hnswEf, exactSearch);
            boolean owns = client == null;
            QdrantClient c = client;
            if (owns) {
                ManagedChannelBuilder<?> channel = ManagedChannelBuilder.forAddress(host, port)
                        .maxInboundMessageSize(MAX_INBOUND_BYTES);
                if (tls) {
                    channel.useTransportSecurity();
                } else {
                    channel.usePlaintext();
                }
                QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(channel.build(), true, false)
                        .withTimeout(timeout);
                if (apiKey != null) {
                    grpc.withApiKey(apiKey);
                }
                c = new QdrantClient(grpc.build());
            }
            QdrantVectorStore store = new QdrantVectorStore(c, owns, o);
            try {
                CollectionInfo info = CollectionSetup.ensure(c, store.calls, o);
                int replicas = info.getConfig().getParams().getReplicationFactor();
                store.readConsistency = readConsistency != null ? Consistency.readConsistency(readConsistency)
                        : replicas > 1 ? Consistency.readConsistency("majority") : null;
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Integer positiveOrNull(Integer value, String what) {
            if (value != null && value <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
