package io.astrocyte.identity;

import java.util.Locale;

/** What an identity may do on a bank (SPEC §2.2). */
public enum Permission {
    /** recall, reflect, history, audit, list. */
    READ,
    /** retain. */
    WRITE,
    /** selective forget (ids, tags, dates). */
    FORGET,
    /** forget {@code scope=all}, compliance forget, export/import, legal holds, bank configuration. */
    ADMIN;

    /** The lower-case name used in configuration and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
