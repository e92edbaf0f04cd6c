package io.astrocyte.spi;

import io.astrocyte.audit.AuditEvent;

/**
 * Where the audit trail goes, outside the memory store (SPEC §6.4). Called after each audited operation;
 * a sink must be thread-safe and should not block for long. A failing sink is logged and never fails the
 * operation it records.
 */
public interface AuditSink extends AutoCloseable {

    void record(AuditEvent event);

    @Override
    default void close() {
    }
}
