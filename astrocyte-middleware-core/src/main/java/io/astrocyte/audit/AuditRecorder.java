package io.astrocyte.audit;

import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.AuditSink;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records audit events for the parts that produce them (the request path, legal holds): stamps the time and
 * actor, does nothing without a sink, and never lets a failing sink fail the operation it records.
 */
public final class AuditRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    private final AuditSink sink;
    private final Clock clock;

    /** @param sink where events go; {@code null} records nothing */
    public AuditRecorder(AuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    public void record(String type, String bankId, AstrocyteContext context, List<String> memoryIds, String reason,
            Map<String, Object> metadata) {
        record(type, bankId, context == null ? null : context.principal(), memoryIds, reason, metadata);
    }

    /** @param actor who acted, e.g. {@code system:lifecycle} for the scheduler; {@code null} is {@code anonymous} */
    public void record(String type, String bankId, String actor, List<String> memoryIds, String reason,
            Map<String, Object> metadata) {
        if (sink == null) {
            return;
        }
        try {
            sink.record(new AuditEvent(type, bankId, actor, clock.instant(), memoryIds, reason, metadata));
        } catch (RuntimeException e) {
            LOG.warn("audit event {} on {} not recorded: {}", type, bankId, e.toString());
        }
    }
}
