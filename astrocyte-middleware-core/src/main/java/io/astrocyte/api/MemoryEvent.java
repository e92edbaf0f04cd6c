package io.astrocyte.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to memory (SPEC §6.5), handed to hooks after the operation. {@code data} holds
 * flat scalars only, and memory text only when a hook asked for it with {@code include_content}.
 *
 * @param type    {@code on_retain}, {@code on_recall}, {@code on_reflect}, {@code on_forget},
 *                {@code on_pii_detected}, {@code on_import}, {@code on_export}, {@code on_rate_limited},
 *                {@code on_circuit_breaker_open}, {@code on_circuit_breaker_close}, {@code on_dedup_detected},
 *                {@code on_noisy_bank}
 * @param traceId the current trace, when the application traces
 */
public record MemoryEvent(String eventId, String type, Instant timestamp, String bankId, Map<String, Object> data,
        String traceId) {

    public MemoryEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** Event types the facade fires. */
    public static final java.util.List<String> TYPES = java.util.List.of("on_retain", "on_recall", "on_reflect",
            "on_forget", "on_pii_detected", "on_import", "on_export", "on_rate_limited", "on_circuit_breaker_open",
            "on_circuit_breaker_close", "on_dedup_detected", "on_noisy_bank", "on_legal_hold", "on_ttl_expiry",
            "on_bank_created", "on_bank_deleted");
}
