package io.astrocyte.config;

/**
 * {@code pipeline.recall} (SPEC §5.2): how the hybrid recall runs and fuses.
 *
 * @param overfetch             candidates per strategy = max_results × this (default 5)
 * @param rrfK                  the RRF constant (default 40; SPEC §5.2 names 60). A smaller constant lets each
 *                              strategy's first places count for more. Chosen on LoCoMo conversations 1-5: R@10
 *                              0.665 at 60, 0.679 at 40, 0.691 at 20 but multi-hop All@10 0.197, 0.190, 0.176;
 *                              6-10: 0.610, 0.633, 0.641
 * @param semanticWeight        RRF weight of the dense strategy (default 1.0)
 * @param keywordWeight         RRF weight of BM25 (default 0.75; every strategy weighs 1.0 in SPEC §5.2). Where
 *                              questions paraphrase what they ask about, word matches mislead and the dense strategy
 *                              should lead: with LoCoMo's questions reworded (three in four of the words they share
 *                              with their evidence replaced) R@10 on conversations 1-5 is 0.449 at 1.0 and 0.468 at
 *                              0.75 (6-10: 0.397, 0.405), while LoCoMo as asked keeps 0.710 / 0.712 (6-10: 0.660 /
 *                              0.661; indexed alone, 6-10 lose a point)
 * @param temporalWeight        RRF weight of recency (default 0.3)
 * @param temporalCandidates    cap on the recent memories the recency strategy considers (default 500); it
 *                              fetches as deep as the other strategies, up to this cap
 * @param temporalHalfLifeDays  recency score halves every this many days (default 7)
 * @param minCandidates         floor on candidates per strategy so small max_results still fuse well (default 50)
 * @param collapseChunks        [Java] one hit per retained memory: when several chunks of one long memory rank, only
 *                              the best stays and the others give their places to other memories (default true)
 * @param expansionWeight       [Java] RRF weight of a second keyword round (default 0, off): its query adds the most
 *                              telling words of the first round's best hits, so memories that answer the other half
 *                              of a multi-hop question can surface (0.25 measured +0.01 R@10 on both LoCoMo halves
 *                              for about 5 ms more per recall)
 * @param expansionTerms        [Java] how many words that second round adds (default 5)
 * @param neighbors             [Java] how many of the best hits bring the memory retained right after them in the
 *                              bank (in a conversation, the reply), ranked below them (default 3; 0 turns it off)
 * @param neighborFactor        [Java] the share of its hit's ranking key a neighbour gets (default 0.8). Chosen on
 *                              LoCoMo conversations 1-5 with fused word matches (R@10 0.652 at 0.5, 0.665 at 0.8,
 *                              0.669 at 0.95 but multi-hop All@10 0.197 to 0.169); 6-10: 0.603, 0.610, 0.613
 * @param dateWeight            [Java] RRF weight of the dated strategy (default 1.0; 0 turns it off): when the query
 *                              names a time ("in July 2023", "on 3 June", "last week"), resolved against
 *                              {@code query_reference_date} (else {@code as_of}, else now), a dense search confined
 *                              to memories whose {@code occurred_at} falls near it joins the fusion. Not run when
 *                              the request filters on {@code time_range} itself
 * @param replyWeight           [Java] RRF weight of the replies ranking (default 0.5; 0 turns it off): the memories
 *                              retained right after the best fused hits (in a conversation, the answers to the turns
 *                              that match), in the order of those hits, join the fusion. Only hits with at least half
 *                              the best fused score vouch, replies already among the first 10 gain nothing, and no
 *                              reply rises above the hit that brought it in. Chosen on LoCoMo conversations 1-5 (R@10
 *                              0.696 to 0.707 over 10 hits; at 1.0 over 20 hits 0.710), confirmed on 6-10 (0.650 to
 *                              0.660)
 * @param replyDepth            [Java] how many of the best fused hits may bring their reply (default 20: multi-hop
 *                              All@10 on conversations 1-5 0.183 at 10, 0.204 at 20; 6-10: 0.150, 0.157)
 * @param scoreFusion           [Java] how much of the dense, dated and keyword strategies' share in the fusion follows
 *                              their scores rather than their ranks, in [0, 1] (default 1.0; 0 is plain RRF as in
 *                              SPEC §5.2). Each score is read as a share of its strategy's best for the query (the
 *                              cosine of the best dense hit, the best BM25 score), so a strategy's first place counts
 *                              as much as under RRF, a close second almost as much and a distant one little. Chosen
 *                              on LoCoMo conversations 1-5: R@10 0.712 with ranks, 0.717 with scores (multi-hop
 *                              All@10 0.190, 0.204); with three in four shared words reworded 0.468, 0.488; with long
 *                              memories between the turns 0.691, 0.702. Conversations 6-10: 0.658 to 0.681, 0.407 to
 *                              0.429, 0.638 to 0.663
 * @param cosineFloor           [Java] the cosine read as "nothing in common" when dense scores take part in the fusion,
 *                              in [-1, 1) (default: the embedder's {@code unrelatedCosine()}, 0 for MiniLM and most
 *                              models, 0.5 for bge-small-en-v1.5). A model that gives almost any two texts a high
 *                              cosine needs it: read against 0, its scores barely differ (bge-small on LoCoMo 1-5,
 *                              R@10: 0.707 against 0, 0.727 against 0.5, 0.717 by ranks)
 */
public record RecallConfig(
        Integer overfetch, Integer rrfK, Double semanticWeight, Double keywordWeight, Double temporalWeight,
        Integer temporalCandidates, Double temporalHalfLifeDays, Integer minCandidates, Boolean collapseChunks,
        Double expansionWeight, Integer expansionTerms, Integer neighbors, Double neighborFactor, Double dateWeight,
        Double replyWeight, Integer replyDepth, Double scoreFusion, Double cosineFloor) {

    public static final RecallConfig DEFAULT = new RecallConfig(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    /** Without the fusion's score share (its default applies). */
    public RecallConfig(Integer overfetch, Integer rrfK, Double semanticWeight, Double keywordWeight,
            Double temporalWeight, Integer temporalCandidates, Double temporalHalfLifeDays, Integer minCandidates,
            Boolean collapseChunks, Double expansionWeight, Integer expansionTerms, Integer neighbors,
            Double neighborFactor, Double dateWeight, Double replyWeight, Integer replyDepth) {
        this(overfetch, rrfK, semanticWeight, keywordWeight, temporalWeight, temporalCandidates, temporalHalfLifeDays,
                minCandidates, collapseChunks, expansionWeight, expansionTerms, neighbors, neighborFactor, dateWeight,
                replyWeight, replyDepth, null, null);
    }

    /** This configuration with another {@code score_fusion}. */
    public RecallConfig withScoreFusion(double share) {
        return new RecallConfig(overfetch, rrfK, semanticWeight, keywordWeight, temporalWeight, temporalCandidates,
                temporalHalfLifeDays, minCandidates, collapseChunks, expansionWeight, expansionTerms, neighbors,
                neighborFactor, dateWeight, replyWeight, replyDepth, share, cosineFloor);
    }

    /** This configuration with another {@code cosine_floor}; {@code null} leaves it to the embedder. */
    public RecallConfig withCosineFloor(Double floor) {
        return new RecallConfig(overfetch, rrfK, semanticWeight, keywordWeight, temporalWeight, temporalCandidates,
                temporalHalfLifeDays, minCandidates, collapseChunks, expansionWeight, expansionTerms, neighbors,
                neighborFactor, dateWeight, replyWeight, replyDepth, scoreFusion, floor);
    }

    /** Without the replies ranking's settings (their defaults apply). */
    public RecallConfig(Integer overfetch, Integer rrfK, Double semanticWeight, Double keywordWeight,
            Double temporalWeight, Integer temporalCandidates, Double temporalHalfLifeDays, Integer minCandidates,
            Boolean collapseChunks, Double expansionWeight, Integer expansionTerms, Integer neighbors,
            Double neighborFactor, Double dateWeight) {
        this(overfetch, rrfK, semanticWeight, keywordWeight, temporalWeight, temporalCandidates, temporalHalfLifeDays,
                minCandidates, collapseChunks, expansionWeight, expansionTerms, neighbors, neighborFactor, dateWeight,
                null, null, null, null);
    }

    /** Without the dated strategy's weight (its default applies). */
    public RecallConfig(Integer overfetch, Integer rrfK, Double semanticWeight, Double keywordWeight,
            Double temporalWeight, Integer temporalCandidates, Double temporalHalfLifeDays, Integer minCandidates,
            Boolean collapseChunks, Double expansionWeight, Integer expansionTerms, Integer neighbors,
            Double neighborFactor) {
        this(overfetch, rrfK, semanticWeight, keywordWeight, temporalWeight, temporalCandidates, temporalHalfLifeDays,
                minCandidates, collapseChunks, expansionWeight, expansionTerms, neighbors, neighborFactor, null, null,
                null, null, null);
    }

    public RecallConfig(Integer overfetch, Integer rrfK, Double semanticWeight, Double keywordWeight,
            Double temporalWeight, Integer temporalCandidates, Double temporalHalfLifeDays, Integer minCandidates,
            Boolean collapseChunks) {
        this(overfetch, rrfK, semanticWeight, keywordWeight, temporalWeight, temporalCandidates, temporalHalfLifeDays,
                minCandidates, collapseChunks, null, null, null, null, null, null, null, null, null);
    }

    public RecallConfig {
        overfetch = overfetch == null ? 5 : overfetch;
        rrfK = rrfK == null ? 40 : rrfK;
        semanticWeight = semanticWeight == null ? 1.0 : semanticWeight;
        keywordWeight = keywordWeight == null ? 0.75 : keywordWeight;
        temporalWeight = temporalWeight == null ? 0.3 : temporalWeight;
        temporalCandidates = temporalCandidates == null ? 500 : temporalCandidates;
        temporalHalfLifeDays = temporalHalfLifeDays == null ? 7.0 : temporalHalfLifeDays;
        minCandidates = minCandidates == null ? 50 : minCandidates;
        collapseChunks = collapseChunks == null || collapseChunks;
        expansionWeight = expansionWeight == null ? 0.0 : expansionWeight;
        expansionTerms = expansionTerms == null ? 5 : expansionTerms;
        ConfigChecks.nonNegative("pipeline.recall.expansion_weight", expansionWeight);
        ConfigChecks.positive("pipeline.recall.expansion_terms", expansionTerms);
        dateWeight = dateWeight == null ? 1.0 : dateWeight;
        replyWeight = replyWeight == null ? 0.5 : replyWeight;
        replyDepth = replyDepth == null ? 20 : replyDepth;
        ConfigChecks.nonNegative("pipeline.recall.reply_weight", replyWeight);
        ConfigChecks.positive("pipeline.recall.reply_depth", replyDepth);
        ConfigChecks.nonNegative("pipeline.recall.date_weight", dateWeight);
        scoreFusion = scoreFusion == null ? 1.0 : scoreFusion;
        if (!(scoreFusion >= 0 && scoreFusion <= 1)) {
            throw new io.astrocyte.ConfigException("pipeline.recall.score_fusion: must be in [0, 1], got "
                    + scoreFusion);
        }
        if (cosineFloor != null && !(cosineFloor >= -1 && cosineFloor < 1)) {
            throw new io.astrocyte.ConfigException("pipeline.recall.cosine_floor: must be in [-1, 1), got "
                    + cosineFloor);
        }
        neighbors = neighbors == null ? 3 : neighbors;
        neighborFactor = neighborFactor == null ? 0.8 : neighborFactor;
        ConfigChecks.nonNegative("pipeline.recall.neighbors", neighbors);
        if (neighborFactor <= 0 || neighborFactor > 1) {
            throw new io.astrocyte.ConfigException("pipeline.recall.neighbor_factor: must be in (0, 1], got "
                    + neighborFactor);
        }
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
