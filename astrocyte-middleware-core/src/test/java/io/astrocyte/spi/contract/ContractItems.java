package io.astrocyte.spi.contract;

import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.spi.VectorItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds items for the contract suites with deterministic vectors. */
public final class ContractItems {

    public static final HashingEmbedder EMBEDDER = new HashingEmbedder(64);
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong clock = new AtomicLong();

    /** A live item retained one second after the previous one made by this builder. */
    public VectorItem item(String id, String bank, String text) {
        return item(id, bank, text, List.of(), Map.of(), null, "world");
    }

    public VectorItem item(String id, String bank, String text, List<String> tags, Map<String, Object> metadata,
            Instant occurredAt, String factType) {
        Instant retained = T0.plusSeconds(clock.incrementAndGet());
        return new VectorItem(id, bank, EMBEDDER.embed(text), text, metadata, tags, factType, occurredAt, "fact",
                retained, id + "#0", "test", null);
    }

    public static float[] vector(String text) {
        return EMBEDDER.embed(text);
    }
}
