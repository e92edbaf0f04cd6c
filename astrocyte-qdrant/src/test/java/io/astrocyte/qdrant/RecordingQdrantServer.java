package io.astrocyte.qdrant;

import com.google.protobuf.Message;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Points;
import io.qdrant.client.grpc.PointsGrpc;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Test double for wire tests — not Qdrant. A gRPC server built on the Qdrant client's own generated
 * service bases that records every request (and its {@code api-key} header) and answers from a script:
 * per method, queued answers (a response message or a gRPC status to fail with), else a neutral default
 * (collection missing, empty results, zero counts, successful writes). It evaluates nothing; tests assert
 * what the store sends and how it reads the answers.
 */
public final class RecordingQdrantServer implements AutoCloseable {

    /** A request as received. */
    public record Call(String method, Message request, String apiKey) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Object>> script = new HashMap<>();
    private final Server server;
    private final String name;
    private final ThreadLocal<String> currentKey = new ThreadLocal<>();
    private final boolean tcp;

    private RecordingQdrantServer(boolean tcp) throws IOException {
        this.name = "recording-qdrant-" + System.nanoTime();
        this.tcp = tcp;
        ServerInterceptor keys = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                String key = headers.get(Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER));
                ServerCall.Listener<Q> delegate = next.startCall(call, headers);
                return new io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
                    @Override
                    public void onHalfClose() {
                        currentKey.set(key);
                        try {
                            super.onHalfClose();
                        } finally {
                            currentKey.remove();
                        }
                    }
                };
            }
        };
        List<BindableService> services = List.of(new CollectionsService(), new PointsService(), new HealthService());
        if (tcp) {
            var b = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder.forAddress(
                    new java.net.InetSocketAddress("127.0.0.1", 0));
            services.forEach(s -> b.addService(ServerInterceptors.intercept(s, keys)));
            this.server = b.build().start();
        } else {
            var b = InProcessServerBuilder.forName(name).directExecutor();
            services.forEach(s -> b.addService(ServerInterceptors.intercept(s, keys)));
            this.server = b.build().start();
        }
    }

    /** In process, reachable through {@link #client()} only. */
    public static RecordingQdrantServer inProcess() throws IOException {
        return new RecordingQdrantServer(false);
    }

    /** Listening on a localhost TCP port, for tests of the store's own connection settings. */
    public static RecordingQdrantServer onLocalPort() throws IOException {
        return new RecordingQdrantServer(true);
    }

    public int port() {
        return server.getPort();
    }

    /** A Qdrant client to this server: in process, or over loopback TCP when it listens on a port. */
    public QdrantClient client() {
        io.grpc.ManagedChannel channel = tcp
                ? io.grpc.ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build()
                : InProcessChannelBuilder.forName(name).directExecutor().build();
        return new QdrantClient(QdrantGrpcClient.newBuilder(channel, true, false).build());
    }

    /** Queues the next answer of {@code method}: a response message, or a {@link Status} to fail with. */
    public RecordingQdrantServer answer(String method, Object response) {
        script.computeIfAbsent(method, m -> new ArrayDeque<>()).add(response);
        return this;
    }

    /** The recorded requests of one method, in order. */
    @SuppressWarnings("unchecked")
    public <T extends Message> List<T> requests(String method) {
        List<T> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.method().equals(method)) {
                out.add((T) c.request());
            }
        }
        return out;
    }

    public List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    @SuppressWarnings("unchecked")
    private <R> void respond(String method, Message request, StreamObserver<R> out, Function<Message, R> fallback) {
        calls.add(new Call(method, request, currentKey.get()));
        Deque<Object> queued = script.get(method);
        Object next = queued == null ? null : queued.poll();
        if (next instanceof Status s) {
            out.onError(s.asRuntimeException());
            return;
        }
        if (next instanceof io.grpc.StatusRuntimeException e) {
            out.onError(e); // a status with trailers, e.g. a rate limiter's retry-after
            return;
        }
        out.onNext(next != null ? (R) next : fallback.apply(request));
        out.onCompleted();
    }

    /**
     * Unless a test scripts it, collection info describes what the recorded calls created: the last
     * create request's vectors and metadata, and the payload indexes requested so far.
     */
    private Collections.CollectionInfo createdInfo() {
        Collections.CollectionInfo.Builder info = Collections.CollectionInfo.newBuilder();
        List<Collections.CreateCollection> creates = requests("createCollection");
        if (!creates.isEmpty()) {
            Collections.CreateCollection c = creates.get(creates.size() - 1);
            info.setConfig(Collections.CollectionConfig.newBuilder().setParams(Collections.CollectionParams
                    .newBuilder().setVectorsConfig(c.getVectorsConfig())
                    .setSparseVectorsConfig(c.getSparseVectorsConfig())).putAllMetadata(c.getMetadataMap()));
        }
        for (Points.CreateFieldIndexCollection index : this.<Points.CreateFieldIndexCollection>requests(
                "createFieldIndex")) {
            info.putPayloadSchema(index.getFieldName(), schemaOf(index));
        }
        return info.build();
    }

    /** The payload schema entry Qdrant reports for an index created with this request. */
    static Collections.PayloadSchemaInfo schemaOf(Points.CreateFieldIndexCollection index) {
        return Collections.PayloadSchemaInfo.newBuilder()
                .setDataType(index.getFieldType() == Points.FieldType.FieldTypeKeyword
                        ? Collections.PayloadSchemaType.Keyword : Collections.PayloadSchemaType.Integer)
                .setParams(index.getFieldIndexParams()).build();
    }

    private static Points.PointsOperationResponse updated() {
        return Points.PointsOperationResponse.newBuilder().setResult(Points.UpdateResult.newBuilder()
                .setStatus(Points.UpdateStatus.Completed)).build();
    }

    private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void collectionExists(Collections.CollectionExistsRequest r,
                StreamObserver<Collections.CollectionExistsResponse> out) {
            respond("collectionExists", r, out, q -> Collections.CollectionExistsResponse.newBuilder()
                    .setResult(Collections.CollectionExists.newBuilder().setExists(false)).build());
        }

        @Override
        public void create(Collections.CreateCollection r, StreamObserver<Collections.CollectionOperationResponse> out) {
            respond("createCollection", r, out, q -> Collections.CollectionOperationResponse.newBuilder()
                    .setResult(true).build());
        }

        @Override
        public void get(Collections.GetCollectionInfoRequest r,
                StreamObserver<Collections.GetCollectionInfoResponse> out) {
            respond("getCollection", r, out, q -> Collections.GetCollectionInfoResponse.newBuilder()
                    .setResult(createdInfo()).build());
        }
    }

    private final class PointsService extends PointsGrpc.PointsImplBase {
        @Override
        public void upsert(Points.UpsertPoints r, StreamObserver<Points.PointsOperationResponse> out) {
            respond("upsert", r, out, q -> updated());
        }

        @Override
        public void delete(Points.DeletePoints r, StreamObserver<Points.PointsOperationResponse> out) {
            respond("delete", r, out, q -> updated());
        }

        @Override
        public void setPayload(Points.SetPayloadPoints r, StreamObserver<Points.PointsOperationResponse> out) {
            respond("setPayload", r, out, q -> updated());
        }

        @Override
        public void createFieldIndex(Points.CreateFieldIndexCollection r,
                StreamObserver<Points.PointsOperationResponse> out) {
            respond("createFieldIndex", r, out, q -> updated());
        }

        @Override
        public void scroll(Points.ScrollPoints r, StreamObserver<Points.ScrollResponse> out) {
            respond("scroll", r, out, q -> Points.ScrollResponse.getDefaultInstance());
        }

        @Override
        public void count(Points.CountPoints r, StreamObserver<Points.CountResponse> out) {
            respond("count", r, out, q -> Points.CountResponse.newBuilder().setResult(Points.CountResult
                    .newBuilder().setCount(0)).build());
        }

        @Override
        public void query(Points.QueryPoints r, StreamObserver<Points.QueryResponse> out) {
            respond("query", r, out, q -> Points.QueryResponse.getDefaultInstance());
        }
    }

    private final class HealthService extends QdrantGrpc.QdrantImplBase {
        @Override
        public void healthCheck(QdrantOuterClass.HealthCheckRequest r,
                StreamObserver<QdrantOuterClass.HealthCheckReply> out) {
            respond("healthCheck", r, out, q -> QdrantOuterClass.HealthCheckReply.newBuilder().setTitle("recording")
                    .setVersion("wire-test").build());
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
