package io.astrocyte.qdrant;

/** Payload keys of Astrocyte's Qdrant schema (ARCHITECTURE "Qdrant", SPEC §4.6). Times are epoch milliseconds. */
final class Payload {

    static final String BANK = "bank_id";
    static final String MEMORY_ID = "memory_id";
    static final String TEXT = "text";
    static final String TAGS = "tags";
    static final String FACT_TYPE = "fact_type";
    static final String MEMORY_LAYER = "memory_layer";
    static final String OCCURRED_AT = "occurred_at";
    static final String RETAINED_AT = "retained_at";
    /** occurred_at when known, else retained_at: the order of listRecent. */
    static final String EVENT_TIME = "event_time";
    /** Absent on live memories. */
    static final String FORGOTTEN_AT = "forgotten_at";
    /** The operation id of the soft delete that set {@code forgotten_at}, so that it counts exactly its own points. */
    static final String FORGET_OP = "forget_op";
    /** The erasure (physical delete) that has claimed a point, and when (epoch ms); see {@code ExactForget}. */
    static final String ERASE_OP = "erase_op";
    static final String ERASE_CLAIMED_AT = "erase_claimed_at";
    /** Set by lifecycle archiving; absent while not archived. */
    static final String ARCHIVED_AT = "archived_at";
    /** The archive call that set {@code archived_at}, so that it counts exactly its own points. */
    static final String ARCHIVE_OP = "archive_op";
    /** Recall statistics, not indexed: absent when never recalled. */
    static final String RECALL_COUNT = "recall_count";
    static final String LAST_RECALLED_AT = "last_recalled_at";
    static final String CHUNK_ID = "chunk_id";
    static final String SOURCE = "source";
    /** The metadata as JSON, so types survive the round trip exactly. */
    static final String META_JSON = "meta_json";
    /** One keyword per metadata entry, {@code key + SEP + MetadataValues.canonical(value)}, for equality filters. */
    static final String META_KV = "meta_kv";
    /** The metadata {@code session_id} as text, for the session filter. */
    static final String SESSION = "session_id";
    static final char SEP = '\u001f';

    static final String DENSE = "dense";
    static final String SPARSE = "bm25";

    private Payload() {
    }
}
