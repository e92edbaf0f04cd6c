package io.astrocyte.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test support, run in a child JVM by {@link HashChainedAuditLogTest}: records {@code count} audit events
 * and prints {@code WROTE n} after every hundredth (then pauses briefly), so the test can kill it mid-way.
 */
public final class AuditWriteLoad {

    private AuditWriteLoad() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        HashChainedAuditLog log = HashChainedAuditLog.open(file);
        for (int i = 1; i <= count; i++) {
            log.record(new AuditEvent("memory.created", "bank-" + (i % 7), "user:writer", Instant.now(),
                    List.of("m" + i), null, Map.of("chunks", 1)));
            if (i % 100 == 0) {
                System.out.println("WROTE " + i);
                System.out.flush();
                pause(); // leaves the killer time to land mid-way rather than after the last event
            }
        }
        log.close();
        System.out.println("DONE");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
