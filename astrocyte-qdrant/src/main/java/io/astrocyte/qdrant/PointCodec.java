package io.astrocyte.qdrant;

import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.VectorFactory;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link VectorItem} ⇄ Qdrant point: the payload of {@link Payload}, a dense and a sparse BM25 vector. */
final class PointCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final Bm25Encoder bm25;

    PointCodec(Bm25Encoder bm25) {
        this.bm25 = bm25;
    }

    PointStruct point(VectorItem item) {
        if (item.vector() == null) {
            throw new IllegalArgumentException("memory " + item.id() + " has no vector");
        }
        Map<String, Vector> vectors = new LinkedHashMap<>();
        vectors.put(Payload.DENSE, VectorFactory.vector(item.vector()));
        Bm25Encoder.Sparse sparse = bm25.document(item.text());
        if (!sparse.isEmpty()) {
            vectors.put(Payload.SPARSE, VectorFactory.vector(sparse.values(), sparse.indices()));
        }
        return PointStruct.newBuilder().setId(PointIdFactory.id(PointIds.of(item.bankId(), item.id())))
                .setVectors(VectorsFactory.namedVectors(vectors)).putAllPayload(payload(item)).build();
    }

    static Map<String, Value> payload(VectorItem item) {
        Map<String, Value> p = new LinkedHashMap<>();
        p.put(Payload.BANK, value(item.bankId()));
        p.put(Payload.MEMORY_ID, value(item.id()));
        p.put(Payload.TEXT, value(item.text()));
        List<Value> tags = new ArrayList<>();
        item.tags().forEach(t -> tags.add(value(t)));
        p.put(Payload.TAGS, list(tags));
        putString(p, Payload.FACT_TYPE, item.factType());
        putString(p, Payload.MEMORY_LAYER, item.memoryLayer());
        putTime(p, Payload.OCCURRED_AT, item.occurredAt());
        putTime(p, Payload.RETAINED_AT, item.retainedAt());
        putTime(p, Payload.EVENT_TIME, item.eventTime());
        putTime(p, Payload.FORGOTTEN_AT, item.forgottenAt());
        putTime(p, Payload.ARCHIVED_AT, item.archivedAt());
        if (item.recalls().count() > 0) {
            p.put(Payload.RECALL_COUNT, value(item.recalls().count()));
        }
        putTime(p, Payload.LAST_RECALLED_AT, item.recalls().lastRecalledAt());
        putString(p, Payload.CHUNK_ID, item.chunkId());
        putString(p, Payload.SOURCE, item.source());
        if (!item.metadata().isEmpty()) {
            try {
                p.put(Payload.META_JSON, value(JSON.writeValueAsString(item.metadata())));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("metadata of memory " + item.id() + " is not serializable: "
                        + e.getOriginalMessage(), e);
            }
            List<Value> kv = new ArrayList<>();
            item.metadata().forEach((k, v) -> kv.add(value(QdrantFilters.metaKey(k, v))));
            p.put(Payload.META_KV, list(kv));
            Object session = item.metadata().get(VectorFilters.SESSION_ID_KEY);
            if (session != null) {
                p.put(Payload.SESSION, value(session.toString()));
            }
        }
        return p;
    }

    /** The item a point stores; {@code vector} is {@code null} when the point was read without vectors. */
    static VectorItem item(Map<String, Value> p, VectorOutput dense) {
        float[] vector = null;
        if (dense != null) {
            List<Float> data = VectorOutputHelper.getDenseVector(dense).getDataList();
            vector = new float[data.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = data.get(i);
            }
        }
        return new VectorItem(string(p, Payload.MEMORY_ID), string(p, Payload.BANK), vector, string(p, Payload.TEXT),
                metadata(p), tags(p), string(p, Payload.FACT_TYPE), time(p, Payload.OCCURRED_AT),
                string(p, Payload.MEMORY_LAYER), time(p, Payload.RETAINED_AT), string(p, Payload.CHUNK_ID),
                string(p, Payload.SOURCE), time(p, Payload.FORGOTTEN_AT), time(p, Payload.ARCHIVED_AT), recalls(p));
    }

    static io.astrocyte.spi.RecallStats recalls(Map<String, Value> p) {
        Value count = p.get(Payload.RECALL_COUNT);
        return new io.astrocyte.spi.RecallStats(count == null || !count.hasIntegerValue() ? 0 : count.getIntegerValue(),
                time(p, Payload.LAST_RECALLED_AT));
    }

    static VectorHit hit(Map<String, Value> p, double score) {
        return item(p, null).toHit(score);
    }

    private static void putString(Map<String, Value> p, String key, String v) {
        if (v != null) {
            p.put(key, value(v));
        }
    }

    private static void putTime(Map<String, Value> p, String key, Instant t) {
        if (t != null) {
            p.put(key, value(t.toEpochMilli()));
        }
    }

    private static String string(Map<String, Value> p, String key) {
        Value v = p.get(key);
        return v == null || !v.hasStringValue() ? null : v.getStringValue();
    }

    private static Instant time(Map<String, Value> p, String key) {
        Value v = p.get(key);
        return v == null || !v.hasIntegerValue() ? null : Instant.ofEpochMilli(v.getIntegerValue());
    }

    private static List<String> tags(Map<String, Value> p) {
        Value v = p.get(Payload.TAGS);
        List<String> out = new ArrayList<>();
        if (v != null && v.hasListValue()) {
            v.getListValue().getValuesList().forEach(t -> out.add(t.getStringValue()));
        }
        return out;
    }

    private static Map<String, Object> metadata(Map<String, Value> p) {
        String json = string(p, Payload.META_JSON);
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt metadata in memory " + string(p, Payload.MEMORY_ID), e);
        }
    }
}
