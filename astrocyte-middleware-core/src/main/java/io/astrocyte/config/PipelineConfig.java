package io.astrocyte.config;

/** {@code pipeline} ([Java]): tuning of the built-in retain, recall and reflect pipeline. */
public record PipelineConfig(ChunkerConfig chunker, RecallConfig recall, RerankConfig rerank, ReflectConfig reflect) {

    public static final PipelineConfig DEFAULT = new PipelineConfig(null, null, null, null);

    public PipelineConfig {
        chunker = chunker == null ? ChunkerConfig.DEFAULT : chunker;
        recall = recall == null ? RecallConfig.DEFAULT : recall;
        rerank = rerank == null ? RerankConfig.DEFAULT : rerank;
        reflect = reflect == null ? ReflectConfig.DEFAULT : reflect;
    }
}
