package io.astrocyte.embedded.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.embedding.Vectors;
import io.astrocyte.spi.MetadataValues;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorHit;
import io.astrocyte.spi.VectorItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Converts between {@link VectorItem} and Lucene documents. */
final class Documents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private Documents() {
    }

    static Document toDocument(VectorItem item) {
        Document d = new Document();
        d.add(new StringField(Fields.UID, Fields.uid(item.bankId(), item.id()), Field.Store.NO));
        d.add(new StringField(Fields.ID, item.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.ID, new BytesRef(item.id())));
        d.add(new StringField(Fields.BANK, item.bankId(), Field.Store.YES));
        d.add(new TextField(Fields.TEXT, item.text(), Field.Store.YES));
        if (item.vector() != null) {
            d.add(new KnnFloatVectorField(Fields.VECTOR, Vectors.normalized(item.vector()),
                    VectorSimilarityFunction.DOT_PRODUCT));
        }
        for (String tag : item.tags()) {
            d.add(new StringField(Fields.TAG, tag, Field.Store.YES));
        }
        if (item.factType() != null) {
            d.add(new StringField(Fields.FACT_TYPE, item.factType(), Field.Store.YES));
        }
        if (item.memoryLayer() != null) {
            d.add(new StoredField(Fields.LAYER, item.memoryLayer()));
        }
        if (item.occurredAt() != null) {
            long t = item.occurredAt().toEpochMilli();
            d.add(new LongPoint(Fields.OCCURRED_AT, t));
            d.add(new StoredField(Fields.OCCURRED_AT, t));
        }
        long retained = item.retainedAt() == null ? 0 : item.retainedAt().toEpochMilli();
        d.add(new LongPoint(Fields.RETAINED_AT, retained));
        d.add(new NumericDocValuesField(Fields.RETAINED_AT, retained));
        d.add(new StoredField(Fields.RETAINED_AT, retained));
        Instant event = item.eventTime();
        d.add(new NumericDocValuesField(Fields.EVENT_AT, event == null ? 0 : event.toEpochMilli()));
        d.add(new NumericDocValuesField(Fields.FORGOTTEN_AT,
                item.forgottenAt() == null ? Fields.LIVE : item.forgottenAt().toEpochMilli()));
        d.add(new NumericDocValuesField(Fields.ARCHIVED_AT,
                item.archivedAt() == null ? Fields.LIVE : item.archivedAt().toEpochMilli()));
        d.add(new NumericDocValuesField(Fields.RECALL_COUNT, item.recalls().count()));
        d.add(new NumericDocValuesField(Fields.LAST_RECALLED_AT,
                item.recalls().lastRecalledAt() == null ? 0 : item.recalls().lastRecalledAt().toEpochMilli()));
        if (item.chunkId() != null) {
            d.add(new StoredField(Fields.CHUNK_ID, item.chunkId()));
        }
        if (item.source() != null) {
            d.add(new StoredField(Fields.SOURCE, item.source()));
        }
        if (!item.metadata().isEmpty()) {
            try {
                d.add(new StoredField(Fields.METADATA_JSON, JSON.writeValueAsString(item.metadata())));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("metadata is not serializable: " + e.getOriginalMessage(), e);
            }
            for (Map.Entry<String, Object> e : item.metadata().entrySet()) {
                d.add(new StringField(Fields.META_PREFIX + e.getKey(), MetadataValues.canonical(e.getValue()),
                        Field.Store.NO));
            }
            Object session = item.metadata().get(VectorFilters.SESSION_ID_KEY);
            if (session != null) {
                d.add(new StringField(Fields.SESSION_ID, session.toString(), Field.Store.NO));
            }
        }
        return d;
    }

    static VectorHit toHit(Document d, double score) {
        return new VectorHit(d.get(Fields.ID), d.get(Fields.TEXT), score, metadata(d), tags(d), d.get(Fields.FACT_TYPE),
                instant(d, Fields.OCCURRED_AT), d.get(Fields.LAYER), instant(d, Fields.RETAINED_AT),
                d.get(Fields.CHUNK_ID), d.get(Fields.SOURCE));
    }

    /**
     * The item of a stored document and its updatable doc values: {@code forgottenAt} and {@code archivedAt}
     * ({@link Fields#LIVE} when unset), the recall count and the last recall (0 when never).
     */
    static VectorItem toItem(Document d, float[] vector, long forgottenAt, long archivedAt, long recallCount,
            long lastRecalledAt) {
        return new VectorItem(d.get(Fields.ID), d.get(Fields.BANK), vector, d.get(Fields.TEXT), metadata(d), tags(d),
                d.get(Fields.FACT_TYPE), instant(d, Fields.OCCURRED_AT), d.get(Fields.LAYER),
                instant(d, Fields.RETAINED_AT), d.get(Fields.CHUNK_ID), d.get(Fields.SOURCE),
                forgottenAt == Fields.LIVE ? null : Instant.ofEpochMilli(forgottenAt),
                archivedAt == Fields.LIVE ? null : Instant.ofEpochMilli(archivedAt),
                new io.astrocyte.spi.RecallStats(recallCount, lastRecalledAt == 0 ? null : Instant.ofEpochMilli(lastRecalledAt)));
    }

    /** The same item from an already decoded hit of bank {@code bankId} (no vector), and its doc values. */
    static VectorItem toItem(VectorHit h, String bankId, long forgottenAt, long archivedAt, long recallCount,
            long lastRecalledAt) {
        return new VectorItem(h.id(), bankId, null, h.text(), h.metadata(), h.tags(), h.factType(), h.occurredAt(),
                h.memoryLayer(), h.retainedAt(), h.chunkId(), h.source(),
                forgottenAt == Fields.LIVE ? null : Instant.ofEpochMilli(forgottenAt),
                archivedAt == Fields.LIVE ? null : Instant.ofEpochMilli(archivedAt),
                new io.astrocyte.spi.RecallStats(recallCount, lastRecalledAt == 0 ? null : Instant.ofEpochMilli(lastRecalledAt)));
    }

    private static List<String> tags(Document d) {
        List<String> tags = new ArrayList<>();
        for (IndexableField f : d.getFields(Fields.TAG)) {
            tags.add(f.stringValue());
        }
        return tags;
    }

    private static Map<String, Object> metadata(Document d) {
        String json = d.get(Fields.METADATA_JSON);
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt metadata in memory " + d.get(Fields.ID), e);
        }
    }

    private static Instant instant(Document d, String field) {
        IndexableField f = d.getField(field);
        return f == null ? null : Instant.ofEpochMilli(f.numericValue().longValue());
    }
}
