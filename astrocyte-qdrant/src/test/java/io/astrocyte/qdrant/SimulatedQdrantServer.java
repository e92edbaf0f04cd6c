package io.astrocyte.qdrant;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.PointsGrpc;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test double — a simulation, not Qdrant. A gRPC server on the client's generated service classes that
 * keeps points in memory and answers the requests this store makes by Qdrant's documented rules: payload
 * filters (must / should / must_not, keyword and match-any on scalars and arrays, integer ranges that never
 * match a missing field, is_empty, has_id), cosine search on the dense vector, sparse dot products weighted
 * by BM25's IDF for the {@code idf} modifier, scroll with {@code order_by} or id paging, exact counts,
 * payload sets and deletes by filter or by id list. It lets the shared conformance suites exercise the
 * store's own logic here; whether Qdrant really behaves this way is for {@code QdrantContractTest}.
 *
 * <p>It is as strict as Qdrant 1.18 where a lenient simulation would hide a bug:
 * <ul>
 *   <li>{@link #overLoopback()} serves over a real Netty channel on 127.0.0.1, whose client keeps gRPC's
 *       default 4 MiB inbound message limit, so oversized pages fail with {@code RESOURCE_EXHAUSTED} as
 *       they do against a real server (the in-process transport has no size limit).</li>
 *   <li>{@code order_by} needs an integer payload index with range support on its key, as Qdrant's
 *       "No range index for `order_by` key" refusal requires; payload indexes are recorded and reported in
 *       collection info with the distance and sparse modifier.</li>
 *   <li>Operations on a missing collection fail with {@code NOT_FOUND}; {@code limit} 0, a query or point
 *       vector of the wrong size and an unknown vector name with {@code INVALID_ARGUMENT}.</li>
 *   <li>IDF counts only points that have a sparse vector, as Qdrant's sparse index does.</li>
 *   <li>Points that tie on score or order key come back in no fixed order, as from Qdrant's segments.</li>
 *   <li>A collection created with a replication factor above 1 keeps that many replicas, and the last one
 *       lags: it applies writes only at {@link #catchUp()}, as a slow or recovering replica may after Qdrant
 *       has acknowledged a write to the client (its default write consistency factor is 1). Reads follow
 *       Qdrant's {@code read_consistency}: without one a single replica answers, in turn, so a read can miss an
 *       acknowledged write or see a delete undone; {@code majority}, {@code quorum}, {@code all} and factors
 *       combine replicas as Qdrant does. Filtered writes are evaluated by each replica when it applies them.</li>
 *   <li>Dropping a payload index ({@code deleteFieldIndex}) forgets it, so a later {@code order_by} fails.</li>
 * </ul>
 * Not simulated, with the reason: approximate (HNSW) search, because Qdrant searches exactly (plain scan)
 * while a segment is below its indexing threshold (megabytes of vectors by default), and a filtered query
 * exactly while its candidates are below the full-scan threshold: approximation shows at sizes no test here
 * builds, and {@code exact_search} covers callers that need exact results beyond them;
 * write ordering across replicas (one lagging replica applies writes in the order sent); per-shard IDF
 * (one shard).
 */
public final class SimulatedQdrantServer implements AutoCloseable {

    private record StoredPoint(PointId id, Map<String, Value> payload, float[] dense, Map<Integer, Float> sparse) {
    }

    private final String name = "simulated-qdrant-" + System.nanoTime();
    private final Map<String, Collections.CreateCollection> collections = new HashMap<>();
    /** Per collection, its replicas' points; the last of several replicas lags (see {@link #catchUp()}). */
    private final Map<String, List<TreeMap<String, StoredPoint>>> replicas = new HashMap<>();
    /** Per collection, the writes its lagging replica has acknowledged to nobody yet. */
    private final Map<String, List<java.util.function.Consumer<TreeMap<String, StoredPoint>>>> lagging = new HashMap<>();
    private int nextReplica;
    private final Map<String, Map<String, Collections.PayloadSchemaInfo>> indexes = new HashMap<>();
    private final java.util.Random ties = new java.util.Random();
    private final Server server;
    private final boolean loopback;

    /** In process: fast, without gRPC's message size limit. */
    public SimulatedQdrantServer() throws IOException {
        this(false);
    }

    private SimulatedQdrantServer(boolean loopback) throws IOException {
        this.loopback = loopback;
        if (loopback) {
            server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(
                            new java.net.InetSocketAddress("127.0.0.1", 0))
                    .maxInboundMessageSize(32 << 20) // Qdrant's service.max_request_size_mb default
                    .addService(new CollectionsService()).addService(new PointsService())
                    .addService(new HealthService()).build().start();
        } else {
            server = InProcessServerBuilder.forName(name).directExecutor().addService(new CollectionsService())
                    .addService(new PointsService()).addService(new HealthService()).build().start();
        }
    }

    /** Over a real Netty channel on 127.0.0.1, with the client's default 4 MiB inbound limit. */
    public static SimulatedQdrantServer overLoopback() throws IOException {
        return new SimulatedQdrantServer(true);
    }

    /** The port on 127.0.0.1 when served {@link #overLoopback()}. */
    public int port() {
        return server.getPort();
    }

    public QdrantClient client() {
        io.grpc.ManagedChannel channel = loopback
                ? io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build()
                : InProcessChannelBuilder.forName(name).directExecutor().build();
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    static String key(PointId id) {
        return id.hasUuid() ? id.getUuid() : Long.toString(id.getNum());
    }

    /** Qdrant's filter rules over one point. */
    static boolean matches(Filter f, PointId id, Map<String, Value> payload) {
        for (Condition c : f.getMustList()) {
            if (!matches(c, id, payload)) {
                return false;
            }
        }
        for (Condition c : f.getMustNotList()) {
            if (matches(c, id, payload)) {
                return false;
            }
        }
        return f.getShouldCount() == 0 || f.getShouldList().stream().anyMatch(c -> matches(c, id, payload));
    }

    private static boolean matches(Condition c, PointId id, Map<String, Value> payload) {
        switch (c.getConditionOneOfCase()) {
            case FILTER:
                return matches(c.getFilter(), id, payload);
            case HAS_ID:
                return id != null && c.getHasId().getHasIdList().stream().anyMatch(x -> key(x).equals(key(id)));
            case IS_EMPTY: {
                Value v = payload.get(c.getIsEmpty().getKey());
                return v == null || v.hasNullValue() || v.hasListValue() && v.getListValue().getValuesCount() == 0;
            }
            case FIELD: {
                FieldCondition fc = c.getField();
                List<Value> values = new ArrayList<>();
                Value v = payload.get(fc.getKey());
                if (v != null && v.hasListValue()) {
                    values.addAll(v.getListValue().getValuesList());
                } else if (v != null && !v.hasNullValue()) {
                    values.add(v);
                }
                if (fc.hasMatch() && fc.getMatch().hasKeyword()) {
                    return values.stream().anyMatch(x -> x.getStringValue().equals(fc.getMatch().getKeyword()));
                }
                if (fc.hasMatch() && fc.getMatch().hasKeywords()) {
                    return values.stream().anyMatch(x -> fc.getMatch().getKeywords().getStringsList()
                            .contains(x.getStringValue()));
                }
                if (fc.hasRange()) {
                    var r = fc.getRange();
                    return values.stream().filter(Value::hasIntegerValue).anyMatch(x -> {
                        double n = x.getIntegerValue();
                        return (!r.hasGt() || n > r.getGt()) && (!r.hasGte() || n >= r.getGte())
                                && (!r.hasLt() || n < r.getLt()) && (!r.hasLte() || n <= r.getLte());
                    });
                }
                throw new IllegalArgumentException("condition not simulated: " + c);
            }
            default:
                throw new IllegalArgumentException("condition not simulated: " + c);
        }
    }

    /** Every point of {@code collection} a read with this consistency sees that matches {@code filter}. */
    private synchronized List<StoredPoint> select(String collection, Filter filter, Points.ReadConsistency read) {
        return select(view(collection, read), filter);
    }

    private synchronized List<StoredPoint> select(Map<String, StoredPoint> view, Filter filter) {
        List<StoredPoint> out = new ArrayList<>();
        for (StoredPoint p : view.values()) {
            if (!filterGiven(filter) || matches(filter, p.id(), p.payload())) {
                out.add(p);
            }
        }
        java.util.Collections.shuffle(out, ties); // segments answer in no particular order; sorts are stable
        return out;
    }

    /** Points of one replica a selector names: by id list, or by filter, evaluated when the replica applies it. */
    private static List<StoredPoint> select(TreeMap<String, StoredPoint> replica, Points.PointsSelector selector) {
        if (selector.hasPoints()) {
            List<StoredPoint> out = new ArrayList<>();
            for (PointId id : selector.getPoints().getIdsList()) {
                StoredPoint p = replica.get(key(id));
                if (p != null) {
                    out.add(p);
                }
            }
            return out;
        }
        List<StoredPoint> out = new ArrayList<>();
        for (StoredPoint p : replica.values()) {
            if (!filterGiven(selector.getFilter()) || matches(selector.getFilter(), p.id(), p.payload())) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Applies a write as a replicated collection does: at once on every replica but the last, which applies it
     * only at {@link #catchUp()} — the slow or recovering replica Qdrant's default write consistency factor of 1
     * lets an acknowledged write miss.
     */
    private synchronized void write(String collection, java.util.function.Consumer<TreeMap<String, StoredPoint>> op) {
        List<TreeMap<String, StoredPoint>> all = replicas.get(collection);
        for (int i = 0; i < all.size(); i++) {
            if (i < all.size() - 1 || all.size() == 1) {
                op.accept(all.get(i));
            } else {
                lagging.computeIfAbsent(collection, c -> new ArrayList<>()).add(op);
            }
        }
    }

    /** The lagging replica of every collection applies the writes it has missed. */
    public synchronized void catchUp() {
        lagging.forEach((collection, ops) -> {
            List<TreeMap<String, StoredPoint>> all = replicas.get(collection);
            if (all != null) {
                ops.forEach(op -> op.accept(all.get(all.size() - 1)));
            }
        });
        lagging.clear();
    }

    /**
     * The points a read sees, by Qdrant's read consistency rules: without one (or factor 1) one replica
     * answers, taken in turn; {@code majority} asks all and keeps the points a majority holds in the same
     * version; {@code quorum} asks a majority and {@code all} every replica, keeping the points all of those
     * hold alike; a factor k asks k replicas likewise.
     */
    private synchronized Map<String, StoredPoint> view(String collection, Points.ReadConsistency read) {
        List<TreeMap<String, StoredPoint>> all = replicas.get(collection);
        int n = all.size();
        if (n == 1) {
            return all.get(0);
        }
        int start = nextReplica++ % n;
        int asked;
        int needed;
        if (read == null || read.hasFactor() && read.getFactor() <= 1) {
            return all.get(start);
        } else if (read.hasFactor()) {
            asked = (int) Math.min(n, read.getFactor());
            needed = asked;
        } else if (read.getType() == Points.ReadConsistencyType.Majority) {
            asked = n;
            needed = n / 2 + 1;
        } else if (read.getType() == Points.ReadConsistencyType.Quorum) {
            asked = n / 2 + 1;
            needed = asked;
        } else {
            asked = n;
            needed = n;
        }
        Map<String, StoredPoint> out = new TreeMap<>();
        Map<String, List<StoredPoint>> versions = new HashMap<>();
        for (int i = 0; i < asked; i++) {
            all.get((start + i) % n).forEach((k, p) -> versions.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
        }
        versions.forEach((k, held) -> {
            for (StoredPoint candidate : held) {
                if (held.stream().filter(p -> sameVersion(p, candidate)).count() >= needed) {
                    out.put(k, candidate);
                    return;
                }
            }
        });
        return out;
    }

    private static boolean sameVersion(StoredPoint a, StoredPoint b) {
        return a == b || a.payload().equals(b.payload()) && java.util.Arrays.equals(a.dense(), b.dense())
                && a.sparse().equals(b.sparse());
    }

    private static Points.ReadConsistency read(boolean given, Points.ReadConsistency value) {
        return given ? value : null;
    }

    /** Qdrant's refusal of an operation on a collection that does not exist; {@code null} when it does. */
    private synchronized io.grpc.StatusRuntimeException missing(String collection) {
        return collections.containsKey(collection) ? null : Status.NOT_FOUND.withDescription("Not found: Collection `"
                + collection + "` doesn't exist!").asRuntimeException();
    }

    private synchronized int dimension(String collection) {
        return (int) collections.get(collection).getVectorsConfig().getParamsMap().getMapOrThrow(Payload.DENSE)
                .getSize();
    }

    /**
     * Sends Qdrant's refusal of an operation on a missing collection, or with {@code limit} 0, and says so;
     * {@code false} when the operation may go on.
     */
    private boolean refused(StreamObserver<?> out, String collection, Integer limit) {
        io.grpc.StatusRuntimeException e = missing(collection);
        if (e == null && limit != null && limit == 0) {
            e = invalid("Validation error: limit: value 0 invalid, must be 1 or larger");
        }
        if (e != null) {
            out.onError(e);
            return true;
        }
        return false;
    }

    private static io.grpc.StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }

    private static boolean filterGiven(Filter f) {
        return f != null && !f.equals(Filter.getDefaultInstance());
    }

    private static float[] normalized(List<Float> v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v.get(i) / norm);
        }
        return out;
    }

    private static Points.RetrievedPoint retrieved(StoredPoint p, boolean withVector) {
        Points.RetrievedPoint.Builder b = Points.RetrievedPoint.newBuilder().setId(p.id()).putAllPayload(p.payload());
        if (withVector) {
            Points.DenseVector.Builder dense = Points.DenseVector.newBuilder();
            for (float x : p.dense()) {
                dense.addData(x);
            }
            b.setVectors(Points.VectorsOutput.newBuilder().setVectors(Points.NamedVectorsOutput.newBuilder()
                    .putVectors(Payload.DENSE, Points.VectorOutput.newBuilder().setDense(dense).build())));
        }
        return b.build();
    }

    private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void collectionExists(Collections.CollectionExistsRequest r,
                StreamObserver<Collections.CollectionExistsResponse> out) {
            boolean exists;
            synchronized (SimulatedQdrantServer.this) {
                exists = collections.containsKey(r.getCollectionName());
            }
            out.onNext(Collections.CollectionExistsResponse.newBuilder().setResult(Collections.CollectionExists
                    .newBuilder().setExists(exists)).build());
            out.onCompleted();
        }

        @Override
        public void create(Collections.CreateCollection r, StreamObserver<Collections.CollectionOperationResponse> out) {
            synchronized (SimulatedQdrantServer.this) {
                if (collections.putIfAbsent(r.getCollectionName(), r) != null) {
                    out.onError(Status.ALREADY_EXISTS.asRuntimeException());
                    return;
                }
                List<TreeMap<String, StoredPoint>> copies = new ArrayList<>();
                for (int i = 0; i < Math.max(1, r.getReplicationFactor()); i++) {
                    copies.add(new TreeMap<>());
                }
                replicas.put(r.getCollectionName(), copies);
            }
            out.onNext(Collections.CollectionOperationResponse.newBuilder().setResult(true).build());
            out.onCompleted();
        }

        @Override
        public void get(Collections.GetCollectionInfoRequest r,
                StreamObserver<Collections.GetCollectionInfoResponse> out) {
            Collections.CreateCollection c;
            long count;
            synchronized (SimulatedQdrantServer.this) {
                c = collections.get(r.getCollectionName());
                count = c == null ? 0 : replicas.get(r.getCollectionName()).get(0).size();
            }
            if (c == null) {
                out.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            Map<String, Collections.PayloadSchemaInfo> schema;
            synchronized (SimulatedQdrantServer.this) {
                schema = new HashMap<>(indexes.getOrDefault(r.getCollectionName(), Map.of()));
            }
            out.onNext(Collections.GetCollectionInfoResponse.newBuilder().setResult(Collections.CollectionInfo
                    .newBuilder().setPointsCount(count).putAllPayloadSchema(schema)
                    .setConfig(Collections.CollectionConfig.newBuilder()
                            .setParams(Collections.CollectionParams.newBuilder().setVectorsConfig(c.getVectorsConfig())
                                    .setSparseVectorsConfig(c.getSparseVectorsConfig())
                                    .setShardNumber(Math.max(1, c.getShardNumber()))
                                    .setReplicationFactor(Math.max(1, c.getReplicationFactor()))
                                    .setWriteConsistencyFactor(Math.max(1, c.getWriteConsistencyFactor())))
                            .putAllMetadata(c.getMetadataMap()))).build());
            out.onCompleted();
        }
    }

    private final class PointsService extends PointsGrpc.PointsImplBase {
        private void done(StreamObserver<Points.PointsOperationResponse> out) {
            out.onNext(Points.PointsOperationResponse.newBuilder().setResult(Points.UpdateResult.newBuilder()
                    .setStatus(Points.UpdateStatus.Completed)).build());
            out.onCompleted();
        }

        @Override
        public void createFieldIndex(Points.CreateFieldIndexCollection r,
                StreamObserver<Points.PointsOperationResponse> out) {
            if (refused(out, r.getCollectionName(), null)) {
                return;
            }
            synchronized (SimulatedQdrantServer.this) {
                indexes.computeIfAbsent(r.getCollectionName(), c -> new HashMap<>()).put(r.getFieldName(),
                        Collections.PayloadSchemaInfo.newBuilder().setDataType(
                                r.getFieldType() == Points.FieldType.FieldTypeKeyword
                                        ? Collections.PayloadSchemaType.Keyword : Collections.PayloadSchemaType.Integer)
                                .setParams(r.getFieldIndexParams()).build());
            }
            done(out);
        }

        @Override
        public void deleteFieldIndex(Points.DeleteFieldIndexCollection r,
                StreamObserver<Points.PointsOperationResponse> out) {
            if (refused(out, r.getCollectionName(), null)) {
                return;
            }
            synchronized (SimulatedQdrantServer.this) {
                indexes.getOrDefault(r.getCollectionName(), new HashMap<>()).remove(r.getFieldName());
            }
            done(out);
        }

        @Override
        public void upsert(Points.UpsertPoints r, StreamObserver<Points.PointsOperationResponse> out) {
            if (refused(out, r.getCollectionName(), null)) {
                return;
            }
            for (Points.PointStruct p : r.getPointsList()) {
                Points.Vector dense = p.getVectors().getVectors().getVectorsMap().get(Payload.DENSE);
                if (dense == null || dense.getDense().getDataCount() != dimension(r.getCollectionName())) {
                    out.onError(invalid("Wrong input: Vector dimension error: expected dim: "
                            + dimension(r.getCollectionName()) + ", got " + (dense == null ? 0
                                    : dense.getDense().getDataCount())));
                    return;
                }
            }
            List<StoredPoint> stored = new ArrayList<>();
            {
                for (Points.PointStruct p : r.getPointsList()) {
                    Map<String, Points.Vector> named = p.getVectors().getVectors().getVectorsMap();
                    Map<Integer, Float> sparse = new HashMap<>();
                    Points.Vector bm25 = named.get(Payload.SPARSE);
                    if (bm25 != null) {
                        for (int i = 0; i < bm25.getSparse().getIndicesCount(); i++) {
                            sparse.put(bm25.getSparse().getIndices(i), bm25.getSparse().getValues(i));
                        }
                    }
                    stored.add(new StoredPoint(p.getId(), java.util.Collections.unmodifiableMap(
                            new LinkedHashMap<>(p.getPayloadMap())), normalized(named.get(Payload.DENSE).getDense()
                                    .getDataList()), sparse));
                }
            }
            write(r.getCollectionName(), replica -> stored.forEach(p -> replica.put(key(p.id()), p)));
            done(out);
        }

        @Override
        public void query(Points.QueryPoints r, StreamObserver<Points.QueryResponse> out) {
            if (refused(out, r.getCollectionName(), r.hasLimit() ? (int) r.getLimit() : null)) {
                return;
            }
            if (!r.getUsing().equals(Payload.DENSE) && !r.getUsing().equals(Payload.SPARSE)) {
                out.onError(invalid("Wrong input: Not existing vector name error: " + r.getUsing()));
                return;
            }
            if (r.getUsing().equals(Payload.DENSE)
                    && r.getQuery().getNearest().getDense().getDataCount() != dimension(r.getCollectionName())) {
                out.onError(invalid("Wrong input: Vector dimension error: expected dim: "
                        + dimension(r.getCollectionName()) + ", got "
                        + r.getQuery().getNearest().getDense().getDataCount()));
                return;
            }
            Map<String, StoredPoint> view = view(r.getCollectionName(), read(r.hasReadConsistency(),
                    r.getReadConsistency()));
            List<StoredPoint> candidates = select(view, r.getFilter());
            List<Points.ScoredPoint> scored = new ArrayList<>();
            Points.VectorInput input = r.getQuery().getNearest();
            if (r.getUsing().equals(Payload.DENSE)) {
                float[] q = normalized(input.getDense().getDataList());
                for (StoredPoint p : candidates) {
                    double dot = 0;
                    for (int i = 0; i < q.length; i++) {
                        dot += q[i] * p.dense()[i];
                    }
                    scored.add(Points.ScoredPoint.newBuilder().setId(p.id()).setScore((float) dot)
                            .putAllPayload(p.payload()).build());
                }
            } else {
                // Qdrant's IDF counts the points that have this sparse vector, not every point
                List<StoredPoint> all = select(view, (Filter) null).stream()
                        .filter(x -> !x.sparse().isEmpty()).toList();
                for (StoredPoint p : candidates) {
                    double score = 0;
                    boolean overlap = false;
                    for (int i = 0; i < input.getSparse().getIndicesCount(); i++) {
                        int term = input.getSparse().getIndices(i);
                        Float w = p.sparse().get(term);
                        if (w != null) {
                            overlap = true;
                            long n = all.stream().filter(x -> x.sparse().containsKey(term)).count();
                            double idf = Math.log((all.size() - n + 0.5) / (n + 0.5) + 1);
                            score += input.getSparse().getValues(i) * w * idf;
                        }
                    }
                    if (overlap) {
                        scored.add(Points.ScoredPoint.newBuilder().setId(p.id()).setScore((float) score)
                                .putAllPayload(p.payload()).build());
                    }
                }
            }
            scored.sort(Comparator.comparingDouble(Points.ScoredPoint::getScore).reversed());
            out.onNext(Points.QueryResponse.newBuilder().addAllResult(scored.subList(0, (int) Math.min(
                    scored.size(), r.getLimit()))).build());
            out.onCompleted();
        }

        @Override
        public void scroll(Points.ScrollPoints r, StreamObserver<Points.ScrollResponse> out) {
            if (refused(out, r.getCollectionName(), r.hasLimit() ? (int) r.getLimit() : null)) {
                return;
            }
            if (r.hasOrderBy()) {
                Collections.PayloadSchemaInfo index;
                synchronized (SimulatedQdrantServer.this) {
                    index = indexes.getOrDefault(r.getCollectionName(), Map.of()).get(r.getOrderBy().getKey());
                }
                if (index == null || index.getDataType() != Collections.PayloadSchemaType.Integer
                        || !index.getParams().getIntegerIndexParams().getRange()) {
                    out.onError(invalid("Bad request: No range index for `order_by` key: `" + r.getOrderBy().getKey()
                            + "`. Please create one to use `order_by`."));
                    return;
                }
            }
            List<StoredPoint> selected = select(r.getCollectionName(), r.getFilter(),
                    read(r.hasReadConsistency(), r.getReadConsistency()));
            boolean withVector = r.getWithVectors().hasInclude() || r.getWithVectors().getEnable();
            Points.ScrollResponse.Builder response = Points.ScrollResponse.newBuilder();
            int limit = r.hasLimit() ? r.getLimit() : 10;
            if (r.hasOrderBy()) {
                String key = r.getOrderBy().getKey();
                Comparator<StoredPoint> order = Comparator.comparingLong(p -> p.payload().get(key).getIntegerValue());
                if (r.getOrderBy().getDirection() == Points.Direction.Desc) {
                    order = order.reversed();
                }
                selected.removeIf(p -> !p.payload().containsKey(key));
                selected.sort(order);
                selected.stream().limit(limit).forEach(p -> response.addResult(retrieved(p, withVector)));
            } else {
                selected.sort(Comparator.comparing(p -> key(p.id()))); // id paging is in id order
                String from = r.hasOffset() ? key(r.getOffset()) : null;
                List<StoredPoint> page = selected.stream().filter(p -> from == null || key(p.id()).compareTo(from) >= 0)
                        .limit(limit + 1L).toList();
                page.stream().limit(limit).forEach(p -> response.addResult(retrieved(p, withVector)));
                if (page.size() > limit) {
                    response.setNextPageOffset(page.get(limit).id());
                }
            }
            out.onNext(response.build());
            out.onCompleted();
        }

        @Override
        public void count(Points.CountPoints r, StreamObserver<Points.CountResponse> out) {
            if (refused(out, r.getCollectionName(), null)) {
                return;
            }
            out.onNext(Points.CountResponse.newBuilder().setResult(Points.CountResult.newBuilder().setCount(
                    select(r.getCollectionName(), r.getFilter(), read(r.hasReadConsistency(),
                            r.getReadConsistency())).size())).build());
            out.onCompleted();
        }

        @Override
        public void setPayload(Points.SetPayloadPoints r, StreamObserver<Points.PointsOperationResponse> out) {
            if (refused(out, r.getCollectionName(), null)) {
                return;
            }
            write(r.getCollectionName(), replica -> {
                for (StoredPoint p : select(replica, r.getPointsSelector())) {
                    Map<String, Value> payload = new LinkedHashMap<>(p.payload());
                    payload.putAll(r.getPayloadMap());
                    replica.put(key(p.id()), new StoredPoint(p.id(), java.util.Collections.unmodifiableMap(payload),
                            p.dense(), p.sparse()));
                }
            });
            done(out);
        }

        @Override
        public void delete(Points.DeletePoints r, StreamObserver<Points.PointsOperationResponse> out) {
            if (refused(out, r.getCollectionName(), null)) {
                return;
            }
            write(r.getCollectionName(), replica -> {
                for (StoredPoint p : select(replica, r.getPoints())) {
                    replica.remove(key(p.id()));
                }
            });
            done(out);
        }
    }

    private static final class HealthService extends QdrantGrpc.QdrantImplBase {
        @Override
        public void healthCheck(QdrantOuterClass.HealthCheckRequest r,
                StreamObserver<QdrantOuterClass.HealthCheckReply> out) {
            out.onNext(QdrantOuterClass.HealthCheckReply.newBuilder().setTitle("simulation").setVersion("simulated")
                    .build());
            out.onCompleted();
        }
    }
}
