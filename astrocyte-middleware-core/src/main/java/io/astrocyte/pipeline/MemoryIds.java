package io.astrocyte.pipeline;

import java.util.UUID;

/** Memory ids: the first 16 hex digits of a random UUID (SPEC §1.2). */
public final class MemoryIds {

    private MemoryIds() {
    }

    public static String newId() {
        UUID u = UUID.randomUUID();
        return String.format("%016x", u.getMostSignificantBits());
    }
}
