package io.astrocyte.spi;

import java.time.Instant;

/** A provider's health (SPEC §4.1). */
public record HealthStatus(boolean healthy, String message, Double latencyMs, Instant lastCheckAt) {

    public static HealthStatus up(String message) {
        return new HealthStatus(true, message, null, Instant.now());
    }

    public static HealthStatus down(String message) {
        return new HealthStatus(false, message, null, Instant.now());
    }
}
