package io.astrocyte.embedded.lucene;

/** Field names of the embedded index; one Lucene document is one memory. */
final class Fields {

    /** {@code bank \u0000 id}: unique per memory, the term that updates and deletes address. */
    static final String UID = "uid";
    static final String ID = "id";
    static final String BANK = "bank";
    /** Analyzed for BM25 and stored. */
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String TAG = "tag";
    static final String FACT_TYPE = "fact_type";
    static final String LAYER = "memory_layer";
    static final String OCCURRED_AT = "occurred_at";
    static final String RETAINED_AT = "retained_at";
    /** {@code occurred_at} when known, else {@code retained_at}: the sort key of recency. */
    static final String EVENT_AT = "event_at";
    /** Updatable doc value; {@link #LIVE} while the memory is not forgotten. */
    static final String FORGOTTEN_AT = "forgotten_at";
    /** Updatable doc value; {@link #LIVE} (or absent, in indexes older than archiving) while not archived. */
    static final String ARCHIVED_AT = "archived_at";
    /** Updatable doc values of the recall statistics; absent or 0 when never recalled. */
    static final String RECALL_COUNT = "recall_count";
    static final String LAST_RECALLED_AT = "last_recalled_at";
    static final String CHUNK_ID = "chunk_id";
    static final String SOURCE = "source";
    static final String METADATA_JSON = "metadata";
    static final String SESSION_ID = "session_id";
    /** Prefix of the per-key fields that hold canonical metadata values for equality filters. */
    static final String META_PREFIX = "m.";

    static final long LIVE = Long.MAX_VALUE;

    private Fields() {
    }

    static String uid(String bankId, String id) {
        return bankId + '\u0000' + id;
    }
}
