package io.astrocyte.pipeline.chunk;

import io.astrocyte.api.ContentType;
import io.astrocyte.config.ChunkerConfig;

/** Picks the chunker for a retain: the configured strategy, else by content type (SPEC §5.1). */
public final class Chunkers {

    private Chunkers() {
    }

    public static Chunker forContent(ContentType type, ChunkerConfig config) {
        String strategy = config.strategy();
        if (strategy == null) {
            strategy = type == ContentType.CONVERSATION || type == ContentType.TRANSCRIPT ? "dialogue" : "sentence";
        }
        return byName(strategy, config.maxSize(), config.overlap());
    }

    public static Chunker byName(String strategy, int maxSize, int overlap) {
        return switch (strategy) {
            case "sentence" -> new SentenceChunker(maxSize, overlap);
            case "paragraph" -> new ParagraphChunker(maxSize, overlap);
            case "dialogue" -> new DialogueChunker(maxSize, overlap);
            case "fixed" -> new FixedChunker(maxSize, overlap);
            default -> throw new io.astrocyte.ConfigException("unknown chunker '" + strategy + "'");
        };
    }
}
