package io.astrocyte.config;

/**
 * {@code pipeline.rerank} (SPEC §5.2 step 4): heuristic boosts added to the fused score.
 *
 * @param enabled          whether recall reranks the fused candidates (default on)
 * @param keywordBoost     per distinct query term found in the memory (default 0.05, at most 5 terms count)
 * @param properNounBoost  per query proper noun found in the memory (default 0.10)
 * @param nameMissPenalty  subtracted when the query names someone and the memory names none of them
 *                         (default 0: on LoCoMo a 0.20 penalty, the upstream value, lowered both R@10 and
 *                         budgeted recall, because evidence is often the other speaker's reply)
 * @param depth            fused candidates the rerank adjusts, from the top (default 50); deeper ones keep
 *                         their fused order, because lexical boosts sharpen the head of the list but
 *                         cost recall further down
 */
public record RerankConfig(Boolean enabled, Double keywordBoost, Double properNounBoost, Double nameMissPenalty,
        Integer depth) {

    public static final RerankConfig DEFAULT = new RerankConfig(null, null, null, null, null);

    public RerankConfig {
        enabled = enabled == null || enabled;
        keywordBoost = keywordBoost == null ? 0.05 : keywordBoost;
        properNounBoost = properNounBoost == null ? 0.10 : properNounBoost;
        nameMissPenalty = nameMissPenalty == null ? 0.0 : nameMissPenalty;
        depth = depth == null ? 50 : depth;
        ConfigChecks.nonNegative("pipeline.rerank.depth", depth);
        ConfigChecks.nonNegative("pipeline.rerank.keyword_boost", keywordBoost);
        ConfigChecks.nonNegative("pipeline.rerank.proper_noun_boost", properNounBoost);
        ConfigChecks.nonNegative("pipeline.rerank.name_miss_penalty", nameMissPenalty);
    }
}
