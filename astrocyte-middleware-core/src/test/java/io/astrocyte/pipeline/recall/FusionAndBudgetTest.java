package io.astrocyte.pipeline.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.config.RerankConfig;
import io.astrocyte.spi.VectorHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionAndBudgetTest {

    private static VectorHit hit(String id, double score) {
        return new VectorHit(id, "text " + id, score, null, null, null, null, null, null, null, null);
    }

    @Test
    void rrfSumsWeightedReciprocalRanksAndNormalizes() {
        StrategyResult dense = new StrategyResult("semantic", List.of(hit("a", 0.9), hit("b", 0.8)), 1.0, 0);
        StrategyResult bm25 = new StrategyResult("keyword", List.of(hit("b", 1.0), hit("c", 0.5)), 2.0, 0);
        List<RrfFusion.Fused> fused = new RrfFusion(60).fuse(List.of(dense, bm25));
        double max = 1.0 / 61 + 2.0 / 61;
        assertThat(fused).extracting(f -> f.hit().id()).containsExactly("b", "c", "a");
        assertThat(fused.get(0).score()).isCloseTo((1.0 / 62 + 2.0 / 61) / max, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo((2.0 / 62) / max, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo((1.0 / 61) / max, within(1e-12));
        assertThat(fused.get(0).hit().score()).as("best original score kept").isEqualTo(1.0);
    }

    @Test
    void aZeroWeightStrategyIsIgnored() {
        StrategyResult dense = new StrategyResult("semantic", List.of(hit("a", 0.9)), 1.0, 0);
        StrategyResult muted = new StrategyResult("temporal", List.of(hit("z", 1.0)), 0.0, 0);
        assertThat(new RrfFusion(60).fuse(List.of(dense, muted))).extracting(f -> f.hit().id()).containsExactly("a");
    }

    /** A dense hit scored as {@code VectorStore} scores them, from its cosine. */
    private static VectorHit dense(String id, double cosine) {
        return hit(id, (1 + cosine) / 2);
    }

    @Test
    void readAsScoresANearTieCountsAlmostAsMuchAsTheFirstPlaceAndADistantHitLittle() {
        // the dense search barely tells a, b and c apart; BM25 finds c far better than a
        StrategyResult semantic = new StrategyResult("semantic", List.of(dense("a", 0.8), dense("b", 0.79),
                dense("c", 0.78)), 1.0, 0, StrategyResult.Scale.COSINE);
        StrategyResult keyword = new StrategyResult("keyword", List.of(hit("c", 1.0), hit("a", 0.1)), 1.0, 0,
                StrategyResult.Scale.RELATIVE);
        assertThat(new RrfFusion(60).fuse(List.of(semantic, keyword))).extracting(f -> f.hit().id())
                .as("ranks alone: a is first and second").containsExactly("a", "c", "b");
        List<RrfFusion.Fused> scored = new RrfFusion(60, 1.0, 0).fuse(List.of(semantic, keyword));
        assertThat(scored).extracting(f -> f.hit().id()).containsExactly("c", "a", "b");
        double max = 2.0 / 61;
        assertThat(scored.get(0).score()).isCloseTo((0.78 / 0.8 / 61 + 1.0 / 61) / max, within(1e-9));
        assertThat(scored.get(1).score()).isCloseTo((1.0 / 61 + 0.1 / 61) / max, within(1e-9));
        assertThat(scored.get(2).score()).isCloseTo((0.79 / 0.8 / 61) / max, within(1e-9));
    }

    @Test
    void aScoreShareBlendsRankAndScoreAndLeavesRankOnlyStrategiesAlone() {
        StrategyResult semantic = new StrategyResult("semantic", List.of(dense("a", 0.8), dense("b", 0.2)), 1.0, 0,
                StrategyResult.Scale.COSINE);
        StrategyResult recency = new StrategyResult("temporal", List.of(hit("b", 1.0), hit("a", 0.01)), 0.5, 0);
        double max = 1.0 / 61 + 0.5 / 61;
        List<RrfFusion.Fused> half = new RrfFusion(60, 0.5, 0).fuse(List.of(semantic, recency));
        assertThat(half).extracting(f -> f.hit().id()).containsExactly("a", "b");
        // a: dense first (rank and score agree), recency second by rank only, whatever its score
        assertThat(half.get(0).score()).isCloseTo((1.0 / 61 + 0.5 / 62) / max, within(1e-9));
        // b: dense second, half by rank (1/62) and half by its cosine's share of the best (0.2 / 0.8 of 1/61)
        assertThat(half.get(1).score()).isCloseTo((0.5 / 62 + 0.5 * 0.25 / 61 + 0.5 / 61) / max, within(1e-9));
        List<RrfFusion.Fused> ranks = new RrfFusion(60, 0.0, 0).fuse(List.of(semantic, recency));
        assertThat(ranks.get(1).hit().id()).isEqualTo("b");
        assertThat(ranks.get(1).score()).as("share 0: ranks alone").isCloseTo((1.0 / 62 + 0.5 / 61) / max,
                within(1e-9));
    }

    @Test
    void anUnrelatedDenseHitCountsNothingAndAStrategyWithNothingRelatedAddsNothing() {
        StrategyResult semantic = new StrategyResult("semantic", List.of(dense("a", 0.5), dense("b", -0.3)), 1.0, 0,
                StrategyResult.Scale.COSINE);
        List<RrfFusion.Fused> fused = new RrfFusion(40, 1.0, 0).fuse(List.of(semantic));
        assertThat(fused.get(0).score()).isCloseTo(1.0, within(1e-9));
        assertThat(fused.get(1).score()).as("cosine below 0").isZero();
        StrategyResult unrelated = new StrategyResult("semantic", List.of(dense("a", -0.1), dense("b", -0.2)), 1.0, 0,
                StrategyResult.Scale.COSINE);
        assertThat(new RrfFusion(40, 1.0, 0).fuse(List.of(unrelated))).allSatisfy(f -> assertThat(f.score()).isZero());
        assertThat(RrfFusion.normalized(StrategyResult.Scale.RELATIVE, 0.3, 0.6, 0.5)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aCosineFloorReadsDenseScoresAboveWhatTheModelGivesUnrelatedTexts() {
        // a model that gives any two texts about 0.5: read against 0, a close match and a loose one barely differ
        StrategyResult semantic = new StrategyResult("semantic", List.of(dense("a", 0.9), dense("b", 0.6),
                dense("c", 0.45)), 1.0, 0, StrategyResult.Scale.COSINE);
        List<RrfFusion.Fused> againstZero = new RrfFusion(40, 1.0, 0).fuse(List.of(semantic));
        List<RrfFusion.Fused> againstFloor = new RrfFusion(40, 1.0, 0.5).fuse(List.of(semantic));
        assertThat(againstZero.get(1).score()).isCloseTo(0.6 / 0.9, within(1e-9));
        assertThat(againstFloor.get(1).score()).isCloseTo(0.1 / 0.4, within(1e-9));
        assertThat(againstFloor.get(2).score()).as("below the floor").isZero();
        // keyword scores have a true zero: the floor leaves them alone
        assertThat(RrfFusion.normalized(StrategyResult.Scale.RELATIVE, 0.25, 1.0, 0.5)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void aScoreShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RrfFusion(60, 1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RrfFusion(60, 1.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> io.astrocyte.config.RecallConfig.DEFAULT.withCosineFloor(1.0))
                .isInstanceOf(io.astrocyte.ConfigException.class).hasMessageContaining("cosine_floor");
        assertThat(io.astrocyte.config.RecallConfig.DEFAULT.withCosineFloor(0.5).withScoreFusion(0.25))
                .extracting(io.astrocyte.config.RecallConfig::cosineFloor, io.astrocyte.config.RecallConfig::scoreFusion)
                .containsExactly(0.5, 0.25);
        assertThat(io.astrocyte.config.RecallConfig.DEFAULT.cosineFloor()).as("the embedder's").isNull();
        assertThatThrownBy(() -> new RrfFusion(60, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> io.astrocyte.config.RecallConfig.DEFAULT.withScoreFusion(-0.1))
                .isInstanceOf(io.astrocyte.ConfigException.class).hasMessageContaining("score_fusion");
        assertThat(io.astrocyte.config.RecallConfig.DEFAULT.scoreFusion()).isEqualTo(1.0);
    }

    @Test
    void rerankBoostsTermsAndNamesAndPenalizesAMissingName() {
        HeuristicReranker r = new HeuristicReranker(new RerankConfig(true, 0.05, 0.10, 0.20, 50));
        QueryTerms q = QueryTerms.of("When did Caroline go to the support group?");
        assertThat(q.properNouns()).containsExactly("caroline");
        assertThat(q.terms()).contains("caroline", "support", "group").doesNotContain("when", "the");
        assertThat(r.adjustment(q, "Caroline: I went to a support group yesterday")).isCloseTo(0.15 + 0.10, within(1e-9));
        assertThat(r.adjustment(q, "Melanie: my support group was fun")).isCloseTo(0.10 - 0.20, within(1e-9));
        assertThat(new HeuristicReranker(new RerankConfig(false, null, null, null, null)).adjustment(q, "x")).isZero();
        assertThat(new HeuristicReranker(RerankConfig.DEFAULT).adjustment(q, "Melanie: my support group was fun"))
                .as("no name-miss penalty by default").isCloseTo(0.10, within(1e-9));
    }

    @Test
    void amongCandidatesARareTermCountsMoreThanOneEveryCandidateHas() {
        HeuristicReranker r = new HeuristicReranker(new RerankConfig(true, 0.05, 0.0, 0.0, 50, 0.0, true));
        QueryTerms q = QueryTerms.of("which recipe uses saffron");
        List<String> pool = List.of("a recipe with saffron", "a recipe with onions", "a recipe with leeks",
                "a recipe with garlic");
        double[] a = r.adjustments(q, pool);
        // "recipe" is in every candidate, "saffron" in one: the saffron recipe leads by more than one plain term
        assertThat(a[0] - a[1]).isGreaterThan(0.05);
        assertThat(a[1]).isEqualTo(a[2]).isEqualTo(a[3]).isLessThan(0.05);
        double[] flat = new HeuristicReranker(new RerankConfig(true, 0.05, 0.0, 0.0, 50, 0.0, false))
                .adjustments(q, pool);
        assertThat(flat[0]).isCloseTo(0.10, within(1e-9));
        assertThat(flat[1]).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void lengthNormalizationDiscountsLongMemoriesAndNeverLiftsShortOnes() {
        HeuristicReranker r = new HeuristicReranker(new RerankConfig(true, 0.05, 0.0, 0.0, 50, 1.0, false));
        QueryTerms q = QueryTerms.of("garden timer");
        String longText = "garden timer " + "and many other words about everything else ".repeat(20);
        double[] a = r.adjustments(q, List.of("garden timer", "garden timer notes", longText));
        assertThat(a[0]).isCloseTo(0.10, within(1e-9));
        assertThat(a[1]).isCloseTo(0.10, within(1e-9));
        assertThat(a[2]).isLessThan(0.05);
        assertThatThrownBy(() -> new RerankConfig(true, 0.05, 0.1, 0.0, 50, 1.5, true))
                .hasMessageContaining("pipeline.rerank.length_norm");
    }

    @Test
    void theBudgetKeepsWholeHitsInRankOrder() {
        List<MemoryHit> ranked = List.of(MemoryHit.external("one two three", 1, null),
                MemoryHit.external("four five six", 0.9, null), MemoryHit.external("seven", 0.8, null));
        TokenBudget.Trimmed t = TokenBudget.apply(ranked, 10, 6);
        assertThat(t.hits()).extracting(MemoryHit::text).containsExactly("one two three", "four five six");
        assertThat(t.truncated()).isTrue();
        TokenBudget.Trimmed byCount = TokenBudget.apply(ranked, 2, null);
        assertThat(byCount.hits()).hasSize(2);
        assertThat(byCount.truncated()).isFalse();
    }
}
