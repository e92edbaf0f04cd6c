package io.astrocyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.PipelineConfig;
import io.astrocyte.config.RecallConfig;
import io.astrocyte.config.RerankConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Recall's refinements beyond fusion, through the facade on the in-memory store: one place per retained memory
 * however many of its chunks match, the reply retained after a strong hit, and a second keyword round seeded by the
 * first round's best hits.
 */
class RecallRefinementsTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final String BANK = "user-alice";

    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-03-01T10:00:00Z"));

    private Astrocyte brain(UnaryOperator<RecallConfig> recall) {
        return brain(recall, r -> r);
    }

    private Astrocyte brain(UnaryOperator<RecallConfig> recall, UnaryOperator<RerankConfig> rerank) {
        AstrocyteConfig base = AstrocyteConfig.defaultConfig();
        AstrocyteConfig config = base.withPipeline(new PipelineConfig(base.pipeline().chunker(),
                recall.apply(base.pipeline().recall()), rerank.apply(base.pipeline().rerank()),
                base.pipeline().reflect()));
        return Astrocyte.builder().config(config).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(256)).clock(clock).build();
    }

    private static RecallConfig with(RecallConfig r, Boolean collapse, Double expansionWeight, Integer neighbors,
            Double neighborFactor) {
        return new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(), r.keywordWeight(), r.temporalWeight(),
                r.temporalCandidates(), r.temporalHalfLifeDays(), r.minCandidates(), collapse, expansionWeight,
                r.expansionTerms(), neighbors, neighborFactor);
    }

    private static RecallConfig noReplies(RecallConfig r) {
        return replies(r, 0.0);
    }

    private static RecallConfig replies(RecallConfig r, double weight) {
        return new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(), r.keywordWeight(), r.temporalWeight(),
                r.temporalCandidates(), r.temporalHalfLifeDays(), r.minCandidates(), r.collapseChunks(),
                r.expansionWeight(), r.expansionTerms(), r.neighbors(), r.neighborFactor(), r.dateWeight(), weight,
                r.replyDepth());
    }

    /**
     * Fused by rank alone (score_fusion 0): in these small banks of the hashing embedder, whose cosines mean little,
     * the tests that pin one ranking's mechanics (replies, the second keyword round) would otherwise depend on how
     * close its cosines happen to lie. How scores weigh in is {@code FusionAndBudgetTest}'s subject.
     */
    private static RecallConfig ranks(RecallConfig r) {
        return r.withScoreFusion(0.0);
    }

    /** Word-match boosts added to the fused score (fusion weight 0), as before rerank.fusion_weight. */
    private static RerankConfig additive(RerankConfig k) {
        return new RerankConfig(k.enabled(), k.keywordBoost(), k.properNounBoost(), k.nameMissPenalty(), k.depth(),
                k.lengthNorm(), k.candidateIdf(), 0.0);
    }

    private RetainResult retain(Astrocyte brain, String text) {
        clock.advance(1); // every memory its own moment, so "retained right after" is well defined
        return brain.retain(RetainRequest.of(BANK, text), ALICE);
    }

    private static String longAnswer() {
        String[] places = {"roses", "lettuce", "orchard", "lawn", "hedge", "greenhouse", "pond", "herbs", "berries",
            "tomatoes", "ferns", "compost"};
        String[] things = {"valves", "sprinklers", "hoses", "drippers", "filters", "pumps", "sensors", "nozzles",
            "pipes", "fittings", "batteries", "cables"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < places.length; i++) {
            sb.append("For the ").append(places[i]).append(", set the garden irrigation timer so its ")
                    .append(things[i]).append(" run ").append(5 + i).append(" minutes before sunrise and check the ")
                    .append(things[(i + 5) % things.length]).append(" every ").append(i + 2).append(" weeks. ");
        }
        return sb.toString();
    }

    @Test
    void aLongMemorysChunksTakeOnePlaceAndLeaveTheOthersToOtherMemories() {
        try (Astrocyte on = brain(r -> r); Astrocyte off = brain(r -> with(r, false, null, null, null))) {
            for (Astrocyte b : List.of(on, off)) {
                RetainResult manual = retain(b, longAnswer());
                assertThat(manual.stored()).isTrue();
                retain(b, "Alice set the garden irrigation timer to dawn last spring.");
                retain(b, "The irrigation timer in the garden broke in June.");
            }
            List<MemoryHit> collapsed = on.recall(RecallRequest.builder("garden irrigation timer").bankId(BANK)
                    .maxResults(3).build(), ALICE).hits();
            assertThat(collapsed).hasSize(3);
            assertThat(collapsed).extracting(h -> h.chunkId().substring(0, h.chunkId().indexOf('#')))
                    .doesNotHaveDuplicates();
            assertThat(collapsed).extracting(MemoryHit::text).anyMatch(t -> t.contains("last spring"))
                    .anyMatch(t -> t.contains("broke in June"));

            List<MemoryHit> flooded = off.recall(RecallRequest.builder("garden irrigation timer").bankId(BANK)
                    .maxResults(3).build(), ALICE).hits();
            assertThat(flooded).extracting(h -> h.chunkId().substring(0, h.chunkId().indexOf('#')))
                    .as("without collapsing, the long memory's chunks crowd the others out").hasSize(3)
                    .doesNotHaveDuplicates().isNotEqualTo(flooded.stream().map(MemoryHit::chunkId).toList());
        }
    }

    @Test
    void theReplyRetainedAfterAStrongHitRanksRightBelowIt() {
        // additive boosts spread the keys apart, so 0.95 of the best key lands between it and the runner-up; fused
        // keys lie closer together (RRF), where the same factor places the reply a few places lower
        try (Astrocyte on = brain(r -> noReplies(with(r, true, null, 1, 0.95)), RecallRefinementsTest::additive);
                Astrocyte off = brain(r -> noReplies(with(r, true, null, 0, null)), RecallRefinementsTest::additive)) {
            for (Astrocyte b : List.of(on, off)) {
                for (int i = 0; i < 20; i++) {
                    retain(b, "Alice's note number " + i + " about the weather and the bus schedule.");
                }
                retain(b, "Bob: Did you ever finish the watercolour of the lighthouse, Alice?");
                retain(b, "Yes, last weekend!");
                for (int i = 20; i < 40; i++) {
                    retain(b, "Alice's note number " + i + " about lunch and the office plants.");
                }
            }
            String q = "When did Alice finish the watercolour of the lighthouse?";
            List<String> with = on.recall(RecallRequest.builder(q).bankId(BANK).maxResults(2).build(), ALICE).hits()
                    .stream().map(MemoryHit::text).toList();
            assertThat(with).containsExactly("Bob: Did you ever finish the watercolour of the lighthouse, Alice?",
                    "Yes, last weekend!");
            List<String> without = off.recall(RecallRequest.builder(q).bankId(BANK).maxResults(2).build(), ALICE)
                    .hits().stream().map(MemoryHit::text).toList();
            assertThat(without).doesNotContain("Yes, last weekend!");
        }
    }

    @Test
    void aSecondKeywordRoundFindsTheOtherHalfOfATwoHopQuestion() {
        // neighbours and replies off: Pistachio's memory was retained right after its seed, which they would find on
        // their own
        try (Astrocyte on = brain(r -> ranks(noReplies(with(r, true, 1.0, 0, null))));
                Astrocyte off = brain(r -> ranks(noReplies(with(r, true, null, 0, null))))) {
            for (Astrocyte b : List.of(on, off)) {
                retain(b, "Alice adopted a rescue greyhound called Pistachio.");
                retain(b, "Pistachio loves chasing tennis balls at Wimbledon Common.");
                for (int i = 0; i < 30; i++) {
                    retain(b, "Note " + i + " about the allotment plans and seed orders.");
                }
            }
            String q = "Where does Alice's rescue greyhound like to play?";
            String other = "Pistachio loves chasing tennis balls at Wimbledon Common.";
            var with = on.recall(RecallRequest.builder(q).bankId(BANK).maxResults(40).build(), ALICE);
            List<String> without = off.recall(RecallRequest.builder(q).bankId(BANK).maxResults(40).build(), ALICE)
                    .hits().stream().map(MemoryHit::text).toList();
            assertThat(with.trace().strategiesUsed()).contains("expansion");
            int before = without.indexOf(other);
            int after = with.hits().stream().map(MemoryHit::text).toList().indexOf(other);
            // the question shares no word with it; the first round's best hit names Pistachio, which lifts it (RRF
            // keeps one arm's vote from deciding alone, so it rises rather than jumps to the top)
            assertThat(before).isPositive();
            assertThat(after).isNotNegative().isLessThanOrEqualTo(before * 2 / 3);
        }
    }

    @Test
    void withAFusionWeightWordMatchesVoteAsOneMoreRankingInsteadOfAddingBoosts() {
        UnaryOperator<RecallConfig> noRecency = r -> noReplies(new RecallConfig(r.overfetch(), r.rrfK(),
                r.semanticWeight(), r.keywordWeight(), 0.0, r.temporalCandidates(), r.temporalHalfLifeDays(),
                r.minCandidates(), true, 0.0, r.expansionTerms(), 0, r.neighborFactor()));
        UnaryOperator<RerankConfig> asRanking = k -> new RerankConfig(k.enabled(), k.keywordBoost(),
                k.properNounBoost(), k.nameMissPenalty(), k.depth(), k.lengthNorm(), k.candidateIdf(), 2.0);
        try (Astrocyte ranking = brain(noRecency, asRanking);
                Astrocyte additive = brain(noRecency, RecallRefinementsTest::additive)) {
            for (Astrocyte b : List.of(ranking, additive)) {
                retain(b, "Alice painted the lighthouse at dawn.");
                retain(b, "Alice painted the garden fence blue.");
                for (int i = 0; i < 20; i++) {
                    retain(b, "Note " + i + " about the weather and the bus.");
                }
            }
            String q = "Who painted the lighthouse, Alice?";
            List<MemoryHit> fused = ranking.recall(RecallRequest.builder(q).bankId(BANK).maxResults(3).build(), ALICE)
                    .hits();
            List<MemoryHit> boosted = additive.recall(RecallRequest.builder(q).bankId(BANK).maxResults(3).build(),
                    ALICE).hits();
            assertThat(fused.get(0).text()).isEqualTo("Alice painted the lighthouse at dawn.");
            assertThat(fused.get(1).text()).isEqualTo("Alice painted the garden fence blue.");
            // first in all three rankings (dense, keyword, word matches): the best fused score there is
            assertThat(fused.get(0).score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(fused.get(1).score()).isLessThan(1.0).isGreaterThan(fused.get(2).score());
            // additive boosts rank the same two first but report their scores on the boosted scale
            assertThat(boosted).extracting(MemoryHit::text).startsWith("Alice painted the lighthouse at dawn.",
                    "Alice painted the garden fence blue.");
            assertThat(boosted.get(0).score()).isLessThan(1.0);
        }
        assertThatThrownBy(() -> new RerankConfig(true, 0.05, 0.1, 0.0, 50, 0.0, true, -1.0))
                .hasMessageContaining("pipeline.rerank.fusion_weight");
    }

    @Test
    void outOfRangeSettingsAreRefusedByName() {
        assertThat(RerankConfig.DEFAULT.fusionWeight()).isEqualTo(2.0);
        RecallConfig d = RecallConfig.DEFAULT;
        assertThat(d.collapseChunks()).isTrue();
        assertThat(d.neighbors()).isEqualTo(3);
        assertThat(d.neighborFactor()).isEqualTo(0.8);
        assertThat(d.expansionWeight()).isZero();
        assertThatThrownBy(() -> new RecallConfig(d.overfetch(), d.rrfK(), d.semanticWeight(), d.keywordWeight(),
                d.temporalWeight(), d.temporalCandidates(), d.temporalHalfLifeDays(), d.minCandidates(), true, -1.0,
                5, 0, 0.5)).hasMessageContaining("pipeline.recall.expansion_weight");
        assertThatThrownBy(() -> new RecallConfig(d.overfetch(), d.rrfK(), d.semanticWeight(), d.keywordWeight(),
                d.temporalWeight(), d.temporalCandidates(), d.temporalHalfLifeDays(), d.minCandidates(), true, 0.0,
                5, 2, 1.5)).hasMessageContaining("pipeline.recall.neighbor_factor");
    }

    @Test
    void aQuestionNamingATimeBringsUpWhatHappenedThen() {
        // one walk note on the first of every other month; the one asked about is textually no better than the rest
        // replies off in both: every note is retained right after another, which would blur what is measured here
        UnaryOperator<RecallConfig> off = r -> noReplies(new RecallConfig(r.overfetch(), r.rrfK(), r.semanticWeight(),
                r.keywordWeight(), r.temporalWeight(), r.temporalCandidates(), r.temporalHalfLifeDays(),
                r.minCandidates(), r.collapseChunks(), r.expansionWeight(), r.expansionTerms(), r.neighbors(),
                r.neighborFactor(), 0.0));
        try (Astrocyte on = brain(RecallRefinementsTest::noReplies); Astrocyte without = brain(off)) {
            for (Astrocyte b : List.of(on, without)) {
                for (int i = 0; i < 12; i++) {
                    java.time.LocalDate month = java.time.LocalDate.of(2022, 1, 1).plusMonths(2L * i);
                    clock.advance(1);
                    b.retain(RetainRequest.builder(BANK, "Alice walked along the river path, note " + month.getMonth()
                            .getValue() + (i < 6 ? "" : " (the long loop)")).occurredAt(month
                            .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).build(), ALICE);
                }
            }
            // July 2023 is note 7 of the long loop: ±window [24 June, 16 August) holds it alone
            String q = "Where did Alice walk in July 2023?";
            var dated = on.recall(RecallRequest.builder(q).bankId(BANK).maxResults(12).build(), ALICE);
            var plain = without.recall(RecallRequest.builder(q).bankId(BANK).maxResults(12).build(), ALICE);
            Instant july = Instant.parse("2023-07-01T00:00:00Z");
            int datedAt = position(dated.hits(), july);
            int plainAt = position(plain.hits(), july);
            assertThat(datedAt).isZero();
            assertThat(plainAt).as("without the dated strategy it has no edge").isPositive();
            assertThat(dated.trace().strategiesUsed()).contains("dated");
            assertThat(dated.trace().strategyCandidateCounts()).containsEntry("dated", 1);
            assertThat(plain.trace().strategiesUsed()).doesNotContain("dated");

            // a question naming no time, or filtering on a time range itself, runs no dated search
            assertThat(on.recall(RecallRequest.builder("Where did Alice walk?").bankId(BANK).build(), ALICE).trace()
                    .strategiesUsed()).doesNotContain("dated");
            var ranged = on.recall(RecallRequest.builder(q).bankId(BANK).timeRange(new io.astrocyte.api.TimeRange(
                    Instant.parse("2022-01-01T00:00:00Z"), Instant.parse("2022-12-31T00:00:00Z"))).build(), ALICE);
            assertThat(ranged.trace().strategiesUsed()).doesNotContain("dated");
            assertThat(ranged.hits()).hasSize(6).allMatch(h -> h.occurredAt().isBefore(july));

            // "in July" without a year means the July before the question's time
            var relative = on.recall(RecallRequest.builder("Where did Alice walk in July?").bankId(BANK)
                    .queryReferenceDate(Instant.parse("2023-09-20T00:00:00Z")).build(), ALICE);
            assertThat(position(relative.hits(), july)).isZero();
        }
        assertThat(RecallConfig.DEFAULT.dateWeight()).isEqualTo(1.0);
        RecallConfig d = RecallConfig.DEFAULT;
        assertThatThrownBy(() -> new RecallConfig(d.overfetch(), d.rrfK(), d.semanticWeight(), d.keywordWeight(),
                d.temporalWeight(), d.temporalCandidates(), d.temporalHalfLifeDays(), d.minCandidates(), true, 0.0,
                5, 3, 0.8, -0.5)).hasMessageContaining("pipeline.recall.date_weight");
    }

    private static int position(List<MemoryHit> hits, Instant occurred) {
        for (int i = 0; i < hits.size(); i++) {
            if (occurred.equals(hits.get(i).occurredAt())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aReplyThatSharesNoWordWithTheQuestionJoinsTheResultsBelowTheTurnItAnswers() {
        // neighbours off, so only the replies ranking can bring the answer in
        try (Astrocyte on = brain(r -> ranks(replies(with(r, true, null, 0, null), 0.5)));
                Astrocyte off = brain(r -> ranks(noReplies(with(r, true, null, 0, null))))) {
            for (Astrocyte b : List.of(on, off)) {
                for (int i = 0; i < 15; i++) {
                    retain(b, "Bob: what colour did you paint the fence, part " + i + "?");
                    retain(b, "Alice: no, I was at my cousin's wedding in Porto, part " + i + ".");
                }
                retain(b, "Bob: what colour did you paint the kitchen walls?");
                retain(b, "Alice: a pale sage green, it looks calm in the mornings.");
                for (int i = 0; i < 15; i++) {
                    retain(b, "Bob: any plans for the long weekend, part " + i + "?");
                    retain(b, "Alice: probably hiking if the forecast holds, part " + i + ".");
                }
            }
            String q = "What colour did Alice paint the kitchen walls?";
            String answer = "Alice: a pale sage green, it looks calm in the mornings.";
            String question = "Bob: what colour did you paint the kitchen walls?";
            var with = on.recall(RecallRequest.builder(q).bankId(BANK).maxResults(5).build(), ALICE);
            List<String> texts = with.hits().stream().map(MemoryHit::text).toList();
            List<String> without = off.recall(RecallRequest.builder(q).bankId(BANK).maxResults(5).build(), ALICE)
                    .hits().stream().map(MemoryHit::text).toList();
            assertThat(without).as("the answer shares no word with the question but Alice").doesNotContain(answer);
            assertThat(texts).contains(question, answer);
            assertThat(texts.indexOf(answer)).as("below the turn that vouches for it")
                    .isGreaterThan(texts.indexOf(question));
            assertThat(with.trace().strategiesUsed()).contains("replies");
        }
        RecallConfig d = RecallConfig.DEFAULT;
        assertThat(d.replyWeight()).isEqualTo(0.5);
        assertThat(d.replyDepth()).isEqualTo(20);
        assertThat(d.keywordWeight()).isEqualTo(0.75);
        assertThatThrownBy(() -> replies(d, -0.1)).hasMessageContaining("pipeline.recall.reply_weight");
    }

    @Test
    void inASmallBankAdjacencyAloneNeverPutsAMemoryAboveTheOneThatMatches() {
        try (Astrocyte b = brain(r -> r)) {
            retain(b, "Alice prefers dark mode in every editor.");
            retain(b, "Alice's sister lives in Lisbon."); // retained right after the match: its "reply"
            retain(b, "The quarterly report is due on Friday.");
            List<String> hits = b.recall(RecallRequest.builder("does Alice prefer dark mode?").bankId(BANK).build(),
                    ALICE).hits().stream().map(MemoryHit::text).toList();
            assertThat(hits.get(0)).isEqualTo("Alice prefers dark mode in every editor.");
        }
    }
}
