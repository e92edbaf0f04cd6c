package io.astrocyte.embedded.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocyte.spi.VectorItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/** The kinds of translog record (store, forget, purge, archive, recalls), how they are written, and how they are replayed into the index. */
final class TranslogRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TranslogRecords() {
    }

    static ObjectNode store(List<VectorItem> items) {
        ObjectNode r = JSON.createObjectNode().put("op", "store");
        ArrayNode list = r.putArray("items");
        for (VectorItem i : items) {
            ObjectNode n = list.addObject();
            n.put("id", i.id()).put("bank", i.bankId()).put("text", i.text());
            if (i.vector() != null) {
                ByteBuffer b = ByteBuffer.allocate(i.vector().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(i.vector());
                n.put("vector", Base64.getEncoder().encodeToString(b.array()));
            }
            n.set("metadata", JSON.valueToTree(i.metadata()));
            n.set("tags", JSON.valueToTree(i.tags()));
            n.put("fact_type", i.factType()).put("memory_layer", i.memoryLayer()).put("chunk_id", i.chunkId())
                    .put("source", i.source());
            putInstant(n, "occurred_at", i.occurredAt());
            putInstant(n, "retained_at", i.retainedAt());
            putInstant(n, "forgotten_at", i.forgottenAt());
            putInstant(n, "archived_at", i.archivedAt());
            if (i.recalls().count() > 0 || i.recalls().lastRecalledAt() != null) {
                n.put("recall_count", i.recalls().count());
                putInstant(n, "last_recalled_at", i.recalls().lastRecalledAt());
            }
        }
        return r;
    }

    static ObjectNode archive(String bankId, Collection<String> ids, Instant at) {
        ObjectNode r = JSON.createObjectNode().put("op", "archive").put("bank", bankId).put("at", at.toEpochMilli());
        r.set("ids", JSON.valueToTree(ids));
        return r;
    }

    /** Recall statistics as absolute values (not increments), so that replaying a record twice is harmless. */
    static ObjectNode recalls(String bankId, Map<String, io.astrocyte.spi.RecallStats> stats) {
        ObjectNode r = JSON.createObjectNode().put("op", "recalls").put("bank", bankId);
        ArrayNode list = r.putArray("items");
        stats.forEach((id, s) -> {
            ObjectNode n = list.addObject().put("id", id).put("count", s.count());
            putInstant(n, "last", s.lastRecalledAt());
        });
        return r;
    }

    static void applyArchive(IndexWriter writer, String bank, String id, long at) throws IOException {
        writer.updateNumericDocValue(new Term(Fields.UID, Fields.uid(bank, id)), Fields.ARCHIVED_AT, at);
    }

    static void applyRecalls(IndexWriter writer, String bank, String id, io.astrocyte.spi.RecallStats s)
            throws IOException {
        Term uid = new Term(Fields.UID, Fields.uid(bank, id));
        writer.updateDocValues(uid, new org.apache.lucene.document.NumericDocValuesField(Fields.RECALL_COUNT, s.count()),
                new org.apache.lucene.document.NumericDocValuesField(Fields.LAST_RECALLED_AT,
                        s.lastRecalledAt() == null ? 0 : s.lastRecalledAt().toEpochMilli()));
    }

    static ObjectNode forget(String bankId, Collection<String> ids, Instant at) {
        ObjectNode r = JSON.createObjectNode().put("op", "forget").put("bank", bankId).put("at", at.toEpochMilli());
        r.set("ids", JSON.valueToTree(ids));
        return r;
    }

    static ObjectNode purge(String bankId, Collection<String> ids) {
        ObjectNode r = JSON.createObjectNode().put("op", "purge").put("bank", bankId);
        r.set("ids", JSON.valueToTree(ids));
        return r;
    }

    /** Applies a record to the writer exactly as the original call did. */
    static void replay(JsonNode r, IndexWriter writer) throws IOException {
        String bank = r.path("bank").asText();
        switch (r.path("op").asText()) {
            case "store" -> {
                for (JsonNode n : r.path("items")) {
                    VectorItem item = item(n);
                    writer.updateDocument(new Term(Fields.UID, Fields.uid(item.bankId(), item.id())),
                            Documents.toDocument(item));
                }
            }
            case "forget" -> {
                for (JsonNode id : r.path("ids")) {
                    writer.updateNumericDocValue(new Term(Fields.UID, Fields.uid(bank, id.asText())),
                            Fields.FORGOTTEN_AT, r.path("at").asLong());
                }
            }
            case "archive" -> {
                for (JsonNode id : r.path("ids")) {
                    applyArchive(writer, bank, id.asText(), r.path("at").asLong());
                }
            }
            case "recalls" -> {
                for (JsonNode n : r.path("items")) {
                    applyRecalls(writer, bank, n.path("id").asText(),
                            new io.astrocyte.spi.RecallStats(n.path("count").asLong(), instant(n, "last")));
                }
            }
            case "purge" -> {
                List<String> ids = new ArrayList<>();
                r.path("ids").forEach(id -> ids.add(id.asText()));
                writer.deleteDocuments(FilterQueries.uids(bank, ids));
            }
            default -> throw new IOException("unknown translog record " + r.path("op").asText());
        }
    }

    @SuppressWarnings("unchecked")
    private static VectorItem item(JsonNode n) {
        float[] vector = null;
        if (n.hasNonNull("vector")) {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(n.get("vector").asText()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            vector = new float[b.remaining() / 4];
            b.asFloatBuffer().get(vector);
        }
        return new VectorItem(n.path("id").asText(), n.path("bank").asText(), vector, n.path("text").asText(),
                JSON.convertValue(n.path("metadata"), Map.class), JSON.convertValue(n.path("tags"), List.class),
                text(n, "fact_type"), instant(n, "occurred_at"), text(n, "memory_layer"), instant(n, "retained_at"),
                text(n, "chunk_id"), text(n, "source"), instant(n, "forgotten_at"), instant(n, "archived_at"),
                new io.astrocyte.spi.RecallStats(n.path("recall_count").asLong(0), instant(n, "last_recalled_at")));
    }

    private static void putInstant(ObjectNode n, String field, Instant t) {
        if (t != null) {
            n.put(field, t.toEpochMilli());
        }
    }

    private static Instant instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.ofEpochMilli(n.get(field).asLong()) : null;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
