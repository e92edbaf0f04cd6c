package io.astrocyte.policy;

/** What a call asks of memory; each verb has its own request path (see {@code Astrocyte.requestPath}). */
public enum Verb {
    RETAIN, RECALL, REFLECT, FORGET, EXPORT, IMPORT;

    /** The verb as metrics, traces and logs name it: {@code retain}, {@code recall}, … */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
