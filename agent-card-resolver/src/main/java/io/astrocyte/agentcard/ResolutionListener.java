package io.astrocyte.agentcard;

/**
 * Receives every {@link ResolutionEvent}. The default writes them to the SLF4J logger
 * {@code astrocyte.audit.agent_card}; an application can forward them to its audit trail instead.
 * A listener that throws does not fail the resolution.
 */
@FunctionalInterface
public interface ResolutionListener {

    void onResolution(ResolutionEvent event);
}
