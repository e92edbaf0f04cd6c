package io.astrocyte.api;

/** What a retain did with the content (SPEC §1.2). */
public enum RetentionAction {
    ADD, UPDATE, MERGE, SKIP, DELETE
}
