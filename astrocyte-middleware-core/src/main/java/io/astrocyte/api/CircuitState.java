package io.astrocyte.api;

/**
 * The store's circuit breaker ({@code escalation.circuit_breaker}): closed (calls go through), open (calls
 * fail at once or degrade) or half-open (a few trial calls decide). The {@code astrocyte.circuit_breaker.state}
 * gauge reports them as 0, 1 and 2.
 */
public enum CircuitState { CLOSED, OPEN, HALF_OPEN }
