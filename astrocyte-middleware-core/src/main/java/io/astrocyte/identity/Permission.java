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

    /** The permission named {@code read}, {@code write}, {@code forget} or {@code admin}, if it is one. */
    public static java.util.Optional<Permission> fromWireName(String name) {
        for (Permission p : values()) {
            if (p.wireName().equals(name)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /** The lower-case name used in configuration and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
