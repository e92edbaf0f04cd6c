package io.astrocyte.config;

/**
 * {@code pipeline.recall} (SPEC §5.2): how the hybrid recall runs and fuses.
 *
 * @param overfetch             candidates per strategy = max_results × this (default 5)
 * @param rrfK                  the RRF constant (default 60)
 * @param semanticWeight        RRF weight of the dense strategy (default 1.0)
 * @param keywordWeight         RRF weight of BM25 (default 1.0)
 * @param temporalWeight        RRF weight of recency (default 0.3)
 * @param temporalCandidates    cap on the recent memories the recency strategy considers (default 500); it
 *                              fetches as deep as the other strategies, up to this cap
 * @param temporalHalfLifeDays  recency score halves every this many days (default 7)
 * @param minCandidates         floor on candidates per strategy so small max_results still fuse well (default 50)
 */
public record RecallConfig(
        Integer overfetch, Integer rrfK, Double semanticWeight, Double keywordWeight, Double temporalWeight,
        Integer temporalCandidates, Double temporalHalfLifeDays, Integer minCandidates) {

    public static final RecallConfig DEFAULT = new RecallConfig(null, null, null, null, null, null, null, null);

    public RecallConfig {
        overfetch = overfetch == null ? 5 : overfetch;
        rrfK = rrfK == null ? 60 : rrfK;
        semanticWeight = semanticWeight == null ? 1.0 : semanticWeight;
        keywordWeight = keywordWeight == null ? 1.0 : keywordWeight;
        temporalWeight = temporalWeight == null ? 0.3 : temporalWeight;
        temporalCandidates = temporalCandidates == null ? 500 : temporalCandidates;
        temporalHalfLifeDays = temporalHalfLifeDays == null ? 7.0 : temporalHalfLifeDays;
        minCandidates = minCandidates == null ? 50 : minCandidates;
        ConfigChecks.positive("pipeline.recall.overfetch", overfetch);
        ConfigChecks.positive("pipeline.recall.rrf_k", rrfK);
        ConfigChecks.nonNegative("pipeline.recall.semantic_weight", semanticWeight);
        ConfigChecks.nonNegative("pipeline.recall.keyword_weight", keywordWeight);
        ConfigChecks.nonNegative("pipeline.recall.temporal_weight", temporalWeight);
        ConfigChecks.nonNegative("pipeline.recall.temporal_candidates", temporalCandidates);
        ConfigChecks.positive("pipeline.recall.temporal_half_life_days", temporalHalfLifeDays);
        ConfigChecks.nonNegative("pipeline.recall.min_candidates", minCandidates);
    }
}
