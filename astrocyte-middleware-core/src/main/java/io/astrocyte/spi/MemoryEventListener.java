package io.astrocyte.spi;

import io.astrocyte.api.MemoryEvent;

/**
 * A hook (SPEC §6.5): told about memory events after the operation. Runs off the request thread;
 * whatever it throws is logged ({@code astrocyte.hook.error}) and never fails the memory operation.
 */
@FunctionalInterface
public interface MemoryEventListener {

    void onEvent(MemoryEvent event);

    /** Whether this listener wants memory text (content, query, answer) in {@link MemoryEvent#data()}. */
    default boolean includeContent() {
        return false;
    }
}
