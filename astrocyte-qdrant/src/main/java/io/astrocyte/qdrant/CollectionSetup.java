package io.astrocyte.qdrant;

import static io.qdrant.client.ValueFactory.value;

import io.astrocyte.ConfigException;
import io.astrocyte.ProviderUnavailableException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.IntegerIndexParams;
import io.qdrant.client.grpc.Collections.KeywordIndexParams;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.FieldType;
import io.grpc.Status;
import java.util.List;
import java.util.Map;

/**
 * Makes sure the collection exists with Astrocyte's schema: creates it (when allowed) with the named dense
 * vector ({@code dense}, cosine, the embedder's dimension), the sparse BM25 vector ({@code bm25}, IDF
 * modifier) and the cluster settings; checks what it finds (its own creation included) and refuses a
 * dimension, distance, sparse modifier or embedding-model mismatch with a {@link ConfigException} rather
 * than mixing spaces; then creates whichever payload indexes are missing, on every start.
 */
final class CollectionSetup {

    static final String MODEL_KEY = "astrocyte_embedding_model";
    static final String SCHEMA_KEY = "astrocyte_schema";
    static final long SCHEMA_VERSION = 1;

    /** Keyword payload indexes; {@code bank_id} is the tenant key. */
    static final List<String> KEYWORD_FIELDS = List.of(Payload.BANK, Payload.MEMORY_ID, Payload.TAGS,
            Payload.FACT_TYPE, Payload.MEMORY_LAYER, Payload.META_KV, Payload.SESSION, Payload.FORGET_OP,
            Payload.ERASE_OP, Payload.ARCHIVE_OP);
    /** Integer (epoch ms) indexes with range support, also used for ordering. */
    static final List<String> TIME_FIELDS = List.of(Payload.OCCURRED_AT, Payload.RETAINED_AT, Payload.EVENT_TIME,
            Payload.FORGOTTEN_AT, Payload.ERASE_CLAIMED_AT, Payload.ARCHIVED_AT);

    private CollectionSetup() {
    }

    /** Returns the collection's info as checked. */
    static CollectionInfo ensure(QdrantClient client, GrpcCalls calls, QdrantOptions o) {
        boolean exists = calls.call("collection check", () -> client.collectionExistsAsync(o.collection()));
        if (!exists) {
            if (!o.autoCreate()) {
                throw new ConfigException("vector_store_config.collection: Qdrant collection '" + o.collection()
                        + "' does not exist and auto_create is off");
            }
            try {
                calls.call("create collection", () -> client.createCollectionAsync(createRequest(o)));
            } catch (ProviderUnavailableException e) {
                // Another instance, or a retry of a create that timed out, may have created it: then it is
                // checked like any other, and its payload indexes are made below either way.
                if (Status.fromThrowable(e.getCause()).getCode() != Status.Code.ALREADY_EXISTS) {
                    throw e;
                }
            }
        }
        CollectionInfo info = calls.call("collection info", () -> client.getCollectionInfoAsync(o.collection()));
        check(info, o);
        createMissingIndexes(client, calls, o.collection(), info.getPayloadSchemaMap());
        return info;
    }

    /**
     * Creates every payload index the store relies on that the collection lacks (or has with another type,
     * or, for a time field, without range support). Runs on every start: a process that died between
     * creating the collection and its indexes, or a create retried after a timeout, must not leave
     * {@code order_by} listing broken for good.
     */
    static void createMissingIndexes(QdrantClient client, GrpcCalls calls, String collection,
            Map<String, PayloadSchemaInfo> existing) {
        for (CreateFieldIndexCollection index : indexRequests(collection)) {
            if (!present(existing.get(index.getFieldName()), index)) {
                calls.call("create payload index " + index.getFieldName(),
                        () -> client.createPayloadIndexAsync(index, null));
            }
        }
    }

    private static boolean present(PayloadSchemaInfo info, CreateFieldIndexCollection wanted) {
        if (info == null) {
            return false;
        }
        if (wanted.getFieldType() == FieldType.FieldTypeKeyword) {
            return info.getDataType() == PayloadSchemaType.Keyword;
        }
        return info.getDataType() == PayloadSchemaType.Integer && info.hasParams()
                && info.getParams().hasIntegerIndexParams() && info.getParams().getIntegerIndexParams().getRange();
    }

    static CreateCollection createRequest(QdrantOptions o) {
        CreateCollection.Builder c = CreateCollection.newBuilder().setCollectionName(o.collection())
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap(Payload.DENSE, VectorParams.newBuilder().setSize(o.dimension())
                                .setDistance(Distance.Cosine).build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder().putMap(Payload.SPARSE,
                        SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build()))
                .putMetadata(SCHEMA_KEY, value(SCHEMA_VERSION));
        if (o.embeddingModel() != null) {
            c.putMetadata(MODEL_KEY, value(o.embeddingModel()));
        }
        if (o.shardNumber() != null) {
            c.setShardNumber(o.shardNumber());
        }
        if (o.replicationFactor() != null) {
            c.setReplicationFactor(o.replicationFactor());
        }
        if (o.writeConsistencyFactor() != null) {
            c.setWriteConsistencyFactor(o.writeConsistencyFactor());
        }
        return c.build();
    }

    /**
     * Fields that vector search never filters on selectively: looked up by id, used for ordering, or (for
     * visibility) matching nearly every point. Their indexes skip the extra HNSW links Qdrant would otherwise
     * build per value, which cost memory and indexing time and help no query.
     */
    static final java.util.Set<String> NO_HNSW = java.util.Set.of(Payload.MEMORY_ID, Payload.RETAINED_AT,
            Payload.EVENT_TIME, Payload.FORGOTTEN_AT, Payload.FORGET_OP, Payload.ERASE_OP, Payload.ERASE_CLAIMED_AT,
            Payload.ARCHIVED_AT, Payload.ARCHIVE_OP);

    static List<CreateFieldIndexCollection> indexRequests(String collection) {
        List<CreateFieldIndexCollection> out = new java.util.ArrayList<>();
        for (String field : KEYWORD_FIELDS) {
            KeywordIndexParams.Builder params = KeywordIndexParams.newBuilder().setIsTenant(field.equals(Payload.BANK));
            if (NO_HNSW.contains(field)) {
                params.setEnableHnsw(false);
            }
            out.add(CreateFieldIndexCollection.newBuilder().setCollectionName(collection).setFieldName(field)
                    .setFieldType(FieldType.FieldTypeKeyword).setWait(true)
                    .setFieldIndexParams(PayloadIndexParams.newBuilder().setKeywordIndexParams(params)).build());
        }
        for (String field : TIME_FIELDS) {
            IntegerIndexParams.Builder params = IntegerIndexParams.newBuilder().setLookup(false).setRange(true);
            if (NO_HNSW.contains(field)) {
                params.setEnableHnsw(false);
            }
            out.add(CreateFieldIndexCollection.newBuilder().setCollectionName(collection).setFieldName(field)
                    .setFieldType(FieldType.FieldTypeInteger).setWait(true)
                    .setFieldIndexParams(PayloadIndexParams.newBuilder().setIntegerIndexParams(params)).build());
        }
        return out;
    }

    static void check(CollectionInfo info, QdrantOptions o) {
        CollectionParams params = info.getConfig().getParams();
        String where = "Qdrant collection '" + o.collection() + "'";
        if (!params.getVectorsConfig().hasParamsMap()
                || !params.getVectorsConfig().getParamsMap().containsMap(Payload.DENSE)) {
            throw new ConfigException(where + " has no named vector '" + Payload.DENSE
                    + "'; it was not created by Astrocyte (use another collection)");
        }
        VectorParams dense = params.getVectorsConfig().getParamsMap().getMapOrThrow(Payload.DENSE);
        if (dense.getSize() != o.dimension()) {
            throw new ConfigException(where + " holds " + dense.getSize() + "-d vectors, but the embedder is "
                    + o.dimension() + "-d; use another collection or the original embedder");
        }
        if (dense.getDistance() != Distance.Cosine) {
            throw new ConfigException(where + " compares vectors by " + dense.getDistance() + " distance; Astrocyte"
                    + " maps scores assuming Cosine, so its similarity thresholds would mean something else there"
                    + " (use another collection)");
        }
        if (!params.getSparseVectorsConfig().containsMap(Payload.SPARSE)) {
            throw new ConfigException(where + " has no sparse vector '" + Payload.SPARSE + "' for keyword search");
        }
        Modifier modifier = params.getSparseVectorsConfig().getMapOrThrow(Payload.SPARSE).getModifier();
        if (modifier != Modifier.Idf) {
            throw new ConfigException(where + " has its sparse vector '" + Payload.SPARSE + "' without the Idf"
                    + " modifier (" + modifier + "); keyword search would rank by term frequency alone"
                    + " (use another collection)");
        }
        Value model = info.getConfig().getMetadataMap().get(MODEL_KEY);
        if (model != null && o.embeddingModel() != null && !model.getStringValue().equals(o.embeddingModel())) {
            throw new ConfigException(where + " holds vectors of '" + model.getStringValue()
                    + "', but the embedder is '" + o.embeddingModel() + "'; use another collection or the original"
                    + " embedder");
        }
    }
}
