package io.astrocyte.routing;

import java.util.List;

/**
 * A rule's {@code pipeline} (SPEC §6.2): how content it routes is chunked and deduplicated, and how recall and
 * reflect treat its bank. A {@code preset} fills what the block leaves out; explicit keys win.
 *
 * @param version                required integer, 1
 * @param chunker                {@code strategy} (sentence, paragraph, dialogue, fixed), {@code max_size},
 *                               {@code overlap}; {@code null} keeps the configured chunker
 * @param dedup                  similarity {@code threshold} and {@code action}; {@code null} keeps the bank's dedup
 * @param rerank                 recall-time weights for keywords and proper nouns
 * @param reflect                the reflect prompt style and up to five metadata keys promoted into its context
 * @param temporalHalfLifeDays   recency half-life for recall in this bank, positive
 * @param unknownKeys            keys this version does not know: loaded with a warning, reported by lint
 */
public record PipelineSpec(int version, String preset, Chunker chunker, Dedup dedup, Rerank rerank, Reflect reflect,
        Double temporalHalfLifeDays, List<String> unknownKeys) {

    public PipelineSpec {
        unknownKeys = unknownKeys == null ? List.of() : List.copyOf(unknownKeys);
    }

    public record Chunker(String strategy, Integer maxSize, Integer overlap) {
    }

    public record Dedup(Double threshold, String action) {
    }

    public record Rerank(Double keywordWeight, Double properNounWeight) {
    }

    public record Reflect(String prompt, List<String> promoteMetadata) {
        public Reflect {
            promoteMetadata = promoteMetadata == null ? null : List.copyOf(promoteMetadata);
        }
    }

    /** The built-in presets (SPEC §6.2): what each sets before the block's own keys apply. */
    static PipelineSpec preset(String name) {
        return switch (name) {
            case "conversational" -> new PipelineSpec(1, name, new Chunker("dialogue", 800, null),
                    new Dedup(0.92, "skip"), null, new Reflect("temporal_aware", List.of("speaker", "occurred_at")),
                    null, null);
            case "document" -> new PipelineSpec(1, name, new Chunker("paragraph", 1200, 100), new Dedup(0.95, "skip"),
                    null, null, null, null);
            case "code" -> new PipelineSpec(1, name, new Chunker("fixed", 1500, 200), new Dedup(0.98, "skip"), null,
                    new Reflect("evidence_strict", null), null, null);
            case "evidence_strict" -> new PipelineSpec(1, name, null, new Dedup(0.98, "skip"), null,
                    new Reflect("evidence_strict", null), null, null);
            default -> null;
        };
    }

    static final List<String> PRESETS = List.of("conversational", "document", "code", "evidence_strict");
}
