package io.astrocyte.config;

/**
 * {@code pipeline.chunker} (SPEC §5.1).
 *
 * @param strategy {@code sentence}, {@code paragraph}, {@code dialogue} or {@code fixed}; {@code null}
 *                 picks by content type ({@code dialogue} for conversations and transcripts, else
 *                 {@code sentence})
 * @param maxSize  characters per chunk (default 512)
 * @param overlap  characters repeated from the end of one chunk at the start of the next (default 50)
 */
public record ChunkerConfig(String strategy, Integer maxSize, Integer overlap) {

    public static final ChunkerConfig DEFAULT = new ChunkerConfig(null, null, null);

    public ChunkerConfig {
        if (strategy != null && !java.util.Set.of("sentence", "paragraph", "dialogue", "fixed").contains(strategy)) {
            throw new io.astrocyte.ConfigException("pipeline.chunker.strategy: unknown chunker '" + strategy
                    + "' (sentence, paragraph, dialogue, fixed)");
        }
        maxSize = maxSize == null ? 512 : maxSize;
        overlap = overlap == null ? 50 : overlap;
        ConfigChecks.positive("pipeline.chunker.max_size", maxSize);
        if (overlap < 0 || overlap >= maxSize) {
            throw new io.astrocyte.ConfigException("pipeline.chunker.overlap: must be in [0, max_size)");
        }
    }
}
