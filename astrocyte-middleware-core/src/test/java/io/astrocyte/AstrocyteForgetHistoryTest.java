package io.astrocyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AstrocyteForgetHistoryTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final String BANK = "user-alice";

    /** A clock the test moves by hand, so retained_at and forgotten_at are exact. */
    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private Astrocyte brain;

    @BeforeEach
    void open() {
        brain = Astrocyte.builder().config(AstrocyteConfig.defaultConfig()).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(256)).clock(clock).build();
    }

    @AfterEach
    void close() {
        brain.close();
    }

    private RetainResult retain(String text, String... tags) {
        clock.advance(60);
        return brain.retain(RetainRequest.builder(BANK, text).tags(tags).build(), ALICE);
    }

    private List<String> recallTexts(String query) {
        return brain.recall(RecallRequest.builder(query).bankId(BANK).maxResults(50).build(), ALICE).hits().stream()
                .map(MemoryHit::text).toList();
    }

    @Test
    void forgetByIdsHidesFromRecallButHistoryBeforeTheForgetStillShowsIt() {
        RetainResult keep = retain("Alice's favourite colour is green.");
        RetainResult gone = retain("Alice's old phone number was on a sticky note.");
        Instant beforeForget = clock.instant();
        clock.advance(60);

        ForgetResult f = brain.forget(ForgetRequest.byIds(BANK, List.of(gone.memoryId())), ALICE);

        assertThat(f.deletedCount()).isEqualTo(1);
        assertThat(recallTexts("Alice")).containsExactly("Alice's favourite colour is green.");
        assertThat(brain.memoryCount(BANK, ALICE)).isEqualTo(1);
        var then = brain.history(HistoryRequest.of(BANK, "Alice", beforeForget), ALICE);
        assertThat(then.hits()).extracting(MemoryHit::memoryId).contains(keep.memoryId(), gone.memoryId());
        assertThat(then.asOf()).isEqualTo(beforeForget);
        assertThat(then.bankId()).isEqualTo(BANK);
        var now = brain.history(HistoryRequest.of(BANK, "Alice", clock.instant()), ALICE);
        assertThat(now.hits()).extracting(MemoryHit::memoryId).containsExactly(keep.memoryId());
    }

    @Test
    void historyDoesNotShowMemoriesRetainedAfterAsOf() {
        retain("first memory about boats");
        Instant between = clock.instant();
        retain("second memory about boats");
        assertThat(brain.history(HistoryRequest.of(BANK, "boats", between), ALICE).hits())
                .extracting(MemoryHit::text).containsExactly("first memory about boats");
    }

    @Test
    void forgetByTagsMatchesAnyTag() {
        retain("tagged a", "project-x");
        retain("tagged b", "project-y");
        retain("untagged c");
        ForgetResult f = brain.forget(ForgetRequest.byTags(BANK, List.of("project-x", "project-y")), ALICE);
        assertThat(f.deletedCount()).isEqualTo(2);
        assertThat(recallTexts("tagged untagged")).containsExactly("untagged c");
    }

    @Test
    void forgetBeforeADateUsesOccurredAt() {
        brain.retain(RetainRequest.builder(BANK, "ancient trip to Rome").occurredAt(Instant.parse("2019-05-01T00:00:00Z"))
                .build(), ALICE);
        brain.retain(RetainRequest.builder(BANK, "recent trip to Oslo").occurredAt(Instant.parse("2025-05-01T00:00:00Z"))
                .build(), ALICE);
        brain.retain(RetainRequest.of(BANK, "undated trip to Paris"), ALICE);
        ForgetResult f = brain.forget(ForgetRequest.before(BANK, Instant.parse("2020-01-01T00:00:00Z")), ALICE);
        assertThat(f.deletedCount()).isEqualTo(1);
        assertThat(recallTexts("trip")).containsExactlyInAnyOrder("recent trip to Oslo", "undated trip to Paris");
    }

    @Test
    void selectorsCombineWithAnd() {
        RetainResult a = retain("alpha", "t");
        RetainResult b = retain("beta");
        ForgetRequest both = new ForgetRequest(BANK, List.of(a.memoryId(), b.memoryId()), List.of("t"), null, false,
                null, null);
        assertThat(brain.forget(both, ALICE).deletedCount()).isEqualTo(1);
        assertThat(recallTexts("alpha beta")).containsExactly("beta");
    }

    @Test
    void scopeAllForgetsTheWholeBankOnly() {
        retain("one");
        retain("two");
        brain.retain(RetainRequest.of("other-bank", "three"), ALICE);
        assertThat(brain.forget(ForgetRequest.all(BANK), ALICE).deletedCount()).isEqualTo(2);
        assertThat(brain.memoryCount(BANK, ALICE)).isZero();
        assertThat(brain.memoryCount("other-bank", ALICE)).isEqualTo(1);
    }

    @Test
    void complianceForgetPurgesEvenFromHistory() {
        RetainResult r = retain("a memory that must be erased");
        Instant retained = clock.instant();
        clock.advance(60);
        brain.forget(ForgetRequest.byIds(BANK, List.of(r.memoryId())), ALICE);
        assertThat(brain.history(HistoryRequest.of(BANK, "erased", retained), ALICE).hits()).hasSize(1);

        ForgetResult purge = brain.forget(ForgetRequest.byIds(BANK, List.of(r.memoryId())).asCompliance("GDPR art. 17"),
                ALICE);

        assertThat(purge.deletedCount()).isEqualTo(1);
        assertThat(brain.history(HistoryRequest.of(BANK, "erased", retained), ALICE).hits()).isEmpty();
    }

    @Test
    void complianceForgetNeedsAnIdentity() {
        assertThatThrownBy(() -> brain.forget(ForgetRequest.all(BANK).asCompliance("x"), null))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void forgetRequestsMustSaySomething() {
        assertThatThrownBy(() -> new ForgetRequest(BANK, null, null, null, false, null, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new ForgetRequest(BANK, List.of("x"), null, "all", false, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("scope");
        assertThatThrownBy(() -> new ForgetRequest(BANK, null, null, "everything", false, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("scope");
        assertThatThrownBy(() -> HistoryRequest.of(BANK, "q", null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("as_of");
    }
}
