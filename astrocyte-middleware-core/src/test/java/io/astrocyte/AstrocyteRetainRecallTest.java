package io.astrocyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.api.ContentType;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.config.HomeostasisConfig;
import io.astrocyte.identity.AstrocyteContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AstrocyteRetainRecallTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private Astrocyte brain = TestBrains.inMemory();

    @AfterEach
    void close() {
        brain.close();
    }

    private RetainResult retain(String text) {
        return brain.retain(RetainRequest.of("user-alice", text), ALICE);
    }

    @Test
    void recallFindsTheRelevantMemoryWithATrace() {
        RetainResult dark = retain("Alice prefers dark mode in every editor.");
        retain("Alice's sister lives in Lisbon.");
        retain("The quarterly report is due on Friday.");

        RecallResult r = brain.recall(RecallRequest.of("user-alice", "does Alice prefer dark mode?"), ALICE);

        assertThat(dark.stored()).isTrue();
        assertThat(dark.memoryIds()).containsExactly(dark.memoryId());
        assertThat(dark.memoryId()).matches("[0-9a-f]{16}");
        MemoryHit top = r.hits().get(0);
        assertThat(top.memoryId()).isEqualTo(dark.memoryId());
        assertThat(top.bankId()).isEqualTo("user-alice");
        assertThat(top.text()).isEqualTo("Alice prefers dark mode in every editor.");
        assertThat(top.factType()).isEqualTo("world");
        assertThat(top.retainedAt()).isNotNull();
        assertThat(top.score()).isBetween(0.0, 1.0);
        assertThat(r.totalAvailable()).isEqualTo(3);
        assertThat(r.trace().strategiesUsed()).containsExactly("semantic", "keyword", "temporal");
        assertThat(r.trace().fusionMethod()).isEqualTo("rrf");
        assertThat(r.trace().strategyCandidateCounts()).containsEntry("semantic", 3).containsKey("keyword");
        assertThat(r.trace().strategyTimingsMs()).containsKeys("semantic", "keyword", "temporal");
        assertThat(r.trace().totalCandidates()).isEqualTo(3);
        assertThat(r.trace().layerDistribution()).containsEntry("fact", 3);
    }

    @Test
    void longContentBecomesSeveralChunkMemoriesSharingAChunkGroup() {
        StringBuilder text = new StringBuilder();
        String[] topics = {"tomatoes", "compost", "irrigation", "pruning", "seedlings", "greenhouses", "mulch",
            "beetles"};
        String[] verbs = {"discusses", "explains", "questions", "reviews", "praises"};
        for (int i = 0; i < 40; i++) {
            text.append("Sentence number ").append(i).append(' ').append(verbs[i % verbs.length])
                    .append(" gardening with ").append(topics[i % topics.length]).append(" in week ").append(i * 7)
                    .append(". ");
        }
        RetainResult r = retain(text.toString());
        assertThat(r.memoryIds()).hasSizeGreaterThan(3);
        assertThat(brain.memoryCount("user-alice", ALICE)).isEqualTo(r.memoryIds().size());
        RecallResult hits = brain.recall(RecallRequest.builder("gardening").bankId("user-alice").maxResults(50).build(),
                ALICE);
        assertThat(hits.hits()).allSatisfy(h -> {
            assertThat(h.chunkId()).startsWith(r.memoryId() + "#");
            assertThat(h.text().length()).isLessThanOrEqualTo(512);
        });
    }

    @Test
    void conversationsAreChunkedByTurn() {
        RetainResult r = brain.retain(RetainRequest.builder("user-alice",
                "Alice: I adopted a cat named Miso.\nBob: Nice! How old is she?\nAlice: Two years.")
                .contentType(ContentType.CONVERSATION).build(), ALICE);
        assertThat(r.stored()).isTrue();
        RecallResult hits = brain.recall(RecallRequest.of("user-alice", "cat Miso"), ALICE);
        assertThat(hits.hits().get(0).text()).contains("Alice: I adopted a cat named Miso.");
    }

    @Test
    void filtersApplyThroughTheFacade() {
        brain.retain(RetainRequest.builder("user-alice", "tea in the morning").tags("drinks").factType("preference")
                .metadata(Map.of("session_id", "s1")).occurredAt(Instant.parse("2025-01-01T08:00:00Z")).build(), ALICE);
        brain.retain(RetainRequest.builder("user-alice", "coffee in the morning").tags("work").build(), ALICE);
        brain.retain(RetainRequest.of("user-alice", "juice in the morning"), ALICE);

        assertThat(texts(RecallRequest.builder("morning").bankId("user-alice").tags("drinks").build()))
                .containsExactly("tea in the morning");
        assertThat(texts(RecallRequest.builder("morning").bankId("user-alice").factTypes(List.of("preference")).build()))
                .containsExactly("tea in the morning");
        assertThat(texts(RecallRequest.builder("morning").bankId("user-alice").sessionId("s1").build()))
                .containsExactly("tea in the morning");
        assertThat(texts(RecallRequest.builder("morning").bankId("user-alice")
                .filters(Map.of("time_range", Map.of("from", "2024-12-31T00:00:00Z"))).build()))
                .containsExactly("tea in the morning");
        assertThat(texts(RecallRequest.builder("morning").bankId("user-alice")
                .filters(Map.of("tags", List.of("work", "drinks"))).build()))
                .containsExactlyInAnyOrder("tea in the morning", "coffee in the morning");
    }

    @Test
    void theTokenBudgetCutsHitsAndSaysSo() {
        String[] places = {"Norway", "Patagonia", "Nepal", "Scotland", "Japan", "Canada"};
        String[] companions = {"my sister", "two colleagues", "the climbing club", "a guide", "old school friends",
            "nobody"};
        for (int i = 0; i < 6; i++) {
            retain("Budget memory " + i + ": planning a long hiking trip through " + places[i] + " with "
                    + companions[i] + ".");
        }
        RecallResult all = brain.recall(RecallRequest.of("user-alice", "hiking trip"), ALICE);
        RecallResult budgeted = brain.recall(RecallRequest.builder("hiking trip").bankId("user-alice").maxTokens(40)
                .build(), ALICE);
        assertThat(all.hits()).hasSize(6);
        assertThat(all.truncated()).isFalse();
        assertThat(budgeted.truncated()).isTrue();
        assertThat(budgeted.hits()).hasSizeBetween(1, 3);
        assertThat(budgeted.hits()).containsExactlyElementsOf(all.hits().subList(0, budgeted.hits().size()));
    }

    @Test
    void theConfiguredRecallBudgetApplies() {
        brain.close();
        brain = TestBrains.inMemory(AstrocyteConfig.defaultConfig()
                .withHomeostasis(new HomeostasisConfig(20, null, null, null, null)));
        for (int i = 0; i < 4; i++) {
            retain("A memory about the configured budget, number " + i + ", with some extra words.");
        }
        RecallResult r = brain.recall(RecallRequest.of("user-alice", "configured budget"), ALICE);
        assertThat(r.truncated()).isTrue();
        assertThat(r.hits()).hasSize(1);
    }

    @Test
    void externalContextIsFusedIn() {
        retain("Alice likes climbing.");
        RecallResult r = brain.recall(RecallRequest.builder("climbing").bankId("user-alice")
                .externalContext(List.of(MemoryHit.external("Climbing gym opens at 7", 0.9, "web"))).build(), ALICE);
        assertThat(r.hits()).extracting(MemoryHit::text).contains("Climbing gym opens at 7");
        assertThat(r.trace().strategiesUsed()).contains("external");
        assertThat(r.hits().stream().filter(h -> "web".equals(h.source())).findFirst().orElseThrow().memoryId()).isNull();
    }

    @Test
    void maxResultsZeroReturnsNoHitsButCountsThem() {
        retain("one thing");
        retain("another thing");
        RecallResult r = brain.recall(RecallRequest.builder("thing").bankId("user-alice").maxResults(0).build(), ALICE);
        assertThat(r.hits()).isEmpty();
        assertThat(r.totalAvailable()).isEqualTo(2);
    }

    // ---- bad input -------------------------------------------------------------------------------

    @Test
    void emptyOrBlankContentIsASoftFailureThatStoresNothing() {
        RetainResult empty = retain("");
        RetainResult blank = retain("  \n\t ");
        assertThat(empty.stored()).isFalse();
        assertThat(empty.error()).contains("empty");
        assertThat(blank.stored()).isFalse();
        assertThat(brain.memoryCount("user-alice", ALICE)).isZero();
    }

    @Test
    void oversizeContentIsASoftFailure() {
        brain.close();
        brain = TestBrains.inMemory(new ConfigLoader(k -> null).fromMap(Map.of(
                "barriers", Map.of("validation", Map.of("max_content_length", 20)),
                "homeostasis", Map.of("retain_max_content_bytes", 64))));
        RetainResult chars = retain("this content is longer than twenty characters");
        assertThat(chars.stored()).isFalse();
        assertThat(chars.error()).contains("max_content_length");
        assertThat(brain.memoryCount("user-alice", ALICE)).isZero();
    }

    @Test
    void disallowedContentTypeAndBinaryContentAreSoftFailures() {
        RetainResult email = brain.retain(RetainRequest.builder("user-alice", "From: a\n\nhi")
                .contentType(ContentType.EMAIL).build(), ALICE);
        RetainResult binary = retain("abc\u0000def");
        assertThat(email.stored()).isFalse();
        assertThat(email.error()).contains("email");
        assertThat(binary.stored()).isFalse();
        assertThat(brain.memoryCount("user-alice", ALICE)).isZero();
    }

    @Test
    void malformedRequestsThrowTypedErrorsNamingTheField() {
        assertThatThrownBy(() -> RetainRequest.of("bad bank!", "x")).isInstanceOf(InvalidRequestException.class)
                .isInstanceOf(ConfigException.class).hasMessageContaining("bank_id");
        assertThatThrownBy(() -> RetainRequest.of("-leading-dash", "x")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RecallRequest.builder("q").bankId("b").maxResults(-1).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("max_results");
        assertThatThrownBy(() -> RecallRequest.builder("q").bankId("b").filters(Map.of("colour", "red")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("filters.colour");
        assertThatThrownBy(() -> RetainRequest.builder("b", "x").metadata(Map.of("k", List.of(1))).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("metadata.k");
        assertThatThrownBy(() -> brain.recall(RecallRequest.builder("q").build(), ALICE))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("bank_id");
        assertThatThrownBy(() -> brain.retain(null, ALICE)).isInstanceOf(InvalidRequestException.class);
    }

    // ---- identity --------------------------------------------------------------------------------

    @Test
    void anonymousCallsAreRefusedByDefaultAndNothingIsStored() {
        assertThatThrownBy(() -> brain.retain(RetainRequest.of("user-alice", "secret"), null))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> brain.recall(RecallRequest.of("user-alice", "secret"), null))
                .isInstanceOf(AuthorizationException.class);
        assertThat(brain.memoryCount("user-alice", ALICE)).isZero();
    }

    @Test
    void anOpenDefaultPolicyAllowsAnonymousCalls() {
        brain.close();
        brain = TestBrains.inMemory(AstrocyteConfig.defaultConfig().withAccessControl(
                new AccessControlConfig(false, AccessControlConfig.DefaultPolicy.OPEN, null, null, null)));
        assertThat(brain.retain(RetainRequest.of("shared", "an open note"), null).stored()).isTrue();
    }

    @Test
    void enabledAccessControlWithADenyPolicyRefusesWithTheMissingPermission() {
        brain.close();
        brain = TestBrains.inMemory(AstrocyteConfig.defaultConfig().withAccessControl(
                AccessControlConfig.enabled(AccessControlConfig.DefaultPolicy.DENY)));
        assertThatThrownBy(() -> retain("x")).isInstanceOfSatisfying(AccessDeniedException.class, e -> {
            assertThat(e.principal()).isEqualTo("user:alice");
            assertThat(e.bankId()).isEqualTo("user-alice");
            assertThat(e.permission()).isEqualTo(io.astrocyte.identity.Permission.WRITE);
            assertThat(e.httpStatus()).isEqualTo(403);
        });
    }

    @Test
    void asyncVariantsGiveTheSameResults() throws Exception {
        RetainResult r = brain.retainAsync(RetainRequest.of("user-alice", "async memory about kites"), ALICE).get();
        RecallResult hits = brain.recallAsync(RecallRequest.of("user-alice", "kites"), ALICE).get();
        assertThat(hits.hits().get(0).memoryId()).isEqualTo(r.memoryId());
    }

    @Test
    void aClosedInstanceRefusesCalls() {
        brain.close();
        assertThatThrownBy(() -> retain("late")).isInstanceOf(IllegalStateException.class);
    }

    private List<String> texts(RecallRequest request) {
        return brain.recall(request, ALICE).hits().stream().map(MemoryHit::text).toList();
    }
}
