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
 * @param lengthNorm       [Java] how much a memory's length discounts its boosts, BM25-style against the mean length
 *                         of the candidates (0 none, 1 fully proportional; default 0): a long memory mentions many
 *                         query words without being about them (off by default: on LoCoMo, where longer turns more
 *                         often hold the evidence, 0.25 cost 0.01 of R@10 and 1.0 cost 0.04)
 * @param candidateIdf     [Java] weigh each query term by how rare it is among the candidates, so a word every
 *                         candidate contains boosts none of them (default on)
 * @param fusionWeight     [Java] when &gt; 0, the candidates ordered by their lexical evidence (the boosts above) join
 *                         the fusion as one more ranking with this weight, instead of the boosts being added to the
 *                         fused score, whose scale they dwarfed (default 2.0; 0: additive boosts as upstream). Chosen
 *                         on LoCoMo conversations 1-5: R@10 0.643 additive, 0.652 at 2.0, 0.655 at 3.0; on 6-10
 *                         0.589, 0.603, 0.610. 2.0, the smaller of two weights the tuning half could not tell apart,
 *                         leaves more to the dense strategy where word matches mislead
 */
public record RerankConfig(Boolean enabled, Double keywordBoost, Double properNounBoost, Double nameMissPenalty,
        Integer depth, Double lengthNorm, Boolean candidateIdf, Double fusionWeight) {

    public static final RerankConfig DEFAULT = new RerankConfig(null, null, null, null, null, null, null, null);

    public RerankConfig(Boolean enabled, Double keywordBoost, Double properNounBoost, Double nameMissPenalty,
            Integer depth) {
        this(enabled, keywordBoost, properNounBoost, nameMissPenalty, depth, null, null, null);
    }

    public RerankConfig(Boolean enabled, Double keywordBoost, Double properNounBoost, Double nameMissPenalty,
            Integer depth, Double lengthNorm, Boolean candidateIdf) {
        this(enabled, keywordBoost, properNounBoost, nameMissPenalty, depth, lengthNorm, candidateIdf, null);
    }

    public RerankConfig {
        enabled = enabled == null || enabled;
        keywordBoost = keywordBoost == null ? 0.05 : keywordBoost;
        properNounBoost = properNounBoost == null ? 0.10 : properNounBoost;
        nameMissPenalty = nameMissPenalty == null ? 0.0 : nameMissPenalty;
        depth = depth == null ? 50 : depth;
        lengthNorm = lengthNorm == null ? 0.0 : lengthNorm;
        candidateIdf = candidateIdf == null || candidateIdf;
        fusionWeight = fusionWeight == null ? 2.0 : fusionWeight;
        ConfigChecks.nonNegative("pipeline.rerank.fusion_weight", fusionWeight);
        if (lengthNorm < 0 || lengthNorm > 1) {
            throw new io.astrocyte.ConfigException("pipeline.rerank.length_norm: must be between 0 and 1, got "
                    + lengthNorm);
        }
        ConfigChecks.nonNegative("pipeline.rerank.depth", depth);
        ConfigChecks.nonNegative("pipeline.rerank.keyword_boost", keywordBoost);
        ConfigChecks.nonNegative("pipeline.rerank.proper_noun_boost", properNounBoost);
        ConfigChecks.nonNegative("pipeline.rerank.name_miss_penalty", nameMissPenalty);
    }
}
