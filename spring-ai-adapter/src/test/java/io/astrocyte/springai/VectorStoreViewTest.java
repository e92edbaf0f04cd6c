package io.astrocyte.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;

/** {@link AstrocyteVectorStoreView}: Spring AI's VectorStore contract mapped onto governed memory. */
class VectorStoreViewTest {

    private final Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
            .embedder(new HashingEmbedder(256)).build();
    private final AstrocyteVectorStoreView alice = new AstrocyteVectorStoreView(brain,
            ResolvedMemoryBinding.of(AstrocyteContext.of("user:alice"), "user-alice"));
    private final AstrocyteVectorStoreView bob = new AstrocyteVectorStoreView(brain,
            ResolvedMemoryBinding.of(AstrocyteContext.of("user:bob"), "user-bob"));

    @AfterEach
    void close() {
        brain.close();
    }

    private void addAliceDocuments() {
        alice.add(List.of(
                Document.builder().id("doc-1").text("Alice booked a flight to Lisbon for the conference")
                        .metadata(Map.of("tags", List.of("travel", "work"), "occurred_at", "2026-03-02T10:00:00Z",
                                "project", "apollo")).build(),
                Document.builder().id("doc-2").text("Alice booked a hotel in Porto for her holiday")
                        .metadata(Map.of("tags", List.of("travel"), "fact_type", "experience",
                                "occurred_at", "2026-07-15T10:00:00Z", "project", "personal")).build(),
                Document.builder().id("doc-3").text("Alice prefers aisle seats on long flights")
                        .metadata(Map.of("tags", "preference", "fact_type", "opinion")).build()));
    }

    private static List<String> texts(List<Document> docs) {
        return docs.stream().map(Document::getText).toList();
    }

    @Test
    void addRetainsThroughTheFacadeAndSearchRecallsWithMemoryIds() {
        addAliceDocuments();
        List<Document> found = alice.similaritySearch(SearchRequest.builder().query("flight to Lisbon").topK(3)
                .build());
        assertThat(found).isNotEmpty();
        Document top = found.get(0);
        assertThat(top.getText()).contains("Lisbon");
        assertThat(top.getMetadata()).containsEntry("bank_id", "user-alice").containsEntry("document_id", "doc-1")
                .containsEntry("project", "apollo").containsEntry("memory_id", top.getId());
        assertThat(top.getScore()).isPositive();
        // the memory really is in Alice's bank, retained through the facade
        List<MemoryHit> hits = brain.recall(RecallRequest.of("user-alice", "Lisbon"), AstrocyteContext.of(
                "user:alice")).hits();
        assertThat(hits).extracting(MemoryHit::memoryId).contains(top.getId());
        assertThat(bob.similaritySearch(SearchRequest.builder().query("flight to Lisbon").build()))
                .as("Bob's view never sees Alice's bank").isEmpty();
    }

    @Test
    void filterExpressionsTranslateToRecallFilters() {
        addAliceDocuments();
        FilterExpressionBuilder f = new FilterExpressionBuilder();
        assertThat(texts(alice.similaritySearch(SearchRequest.builder().query("Alice booked").topK(10)
                .filterExpression(f.eq("tags", "work").build()).build())))
                .containsExactly("Alice booked a flight to Lisbon for the conference");
        assertThat(texts(alice.similaritySearch(SearchRequest.builder().query("Alice").topK(10)
                .filterExpression(f.in("fact_type", "opinion", "experience").build()).build())))
                .containsExactlyInAnyOrder("Alice booked a hotel in Porto for her holiday",
                        "Alice prefers aisle seats on long flights");
        // the text form, as an LLM-facing app would pass it
        assertThat(texts(alice.similaritySearch(SearchRequest.builder().query("Alice booked").topK(10)
                .filterExpression("tags in ['travel'] && occurred_at >= '2026-06-01T00:00:00Z'").build())))
                .containsExactly("Alice booked a hotel in Porto for her holiday");
        assertThat(texts(alice.similaritySearch(SearchRequest.builder().query("Alice booked").topK(10)
                .filterExpression("project == 'apollo'").build())))
                .containsExactly("Alice booked a flight to Lisbon for the conference");
    }

    @Test
    void filtersAstrocyteCannotHonourAreRefusedNotWidened() {
        addAliceDocuments();
        for (String unsupported : List.of("tags == 'travel' || tags == 'work'", "project != 'apollo'",
                "NOT (project == 'apollo')", "project in ['a', 'b']", "priority > 3", "tags == 'a' && tags == 'b'")) {
            assertThatThrownBy(() -> alice.similaritySearch(SearchRequest.builder().query("Alice")
                    .filterExpression(unsupported).build())).as(unsupported)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not supported");
        }
        assertThatThrownBy(() -> alice.similaritySearch(SearchRequest.builder().query("Alice")
                .filterExpression("occurred_at > 'last tuesday'").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ISO-8601");
    }

    @Test
    void similarityThresholdDropsWeakerHits() {
        addAliceDocuments();
        List<Document> all = alice.similaritySearch(SearchRequest.builder().query("aisle seats").topK(10).build());
        assertThat(all).hasSizeGreaterThan(1);
        double best = all.get(0).getScore();
        List<Document> strong = alice.similaritySearch(SearchRequest.builder().query("aisle seats").topK(10)
                .similarityThreshold(best).build());
        assertThat(strong).isNotEmpty().hasSizeLessThan(all.size()).allMatch(d -> d.getScore() >= best);
    }

    @Test
    void deleteForgetsByIdsAndByTags() {
        addAliceDocuments();
        String lisbon = alice.similaritySearch(SearchRequest.builder().query("flight to Lisbon").topK(1).build())
                .get(0).getId();
        alice.delete(List.of(lisbon));
        assertThat(texts(alice.similaritySearch(SearchRequest.builder().query("Alice booked").topK(10).build())))
                .doesNotContain("Alice booked a flight to Lisbon for the conference").isNotEmpty();

        alice.delete(new FilterExpressionBuilder().eq("tags", "preference").build());
        assertThat(texts(alice.similaritySearch(SearchRequest.builder().query("aisle seats").topK(10).build())))
                .doesNotContain("Alice prefers aisle seats on long flights");
        assertThatThrownBy(() -> alice.delete(new FilterExpressionBuilder().eq("project", "apollo").build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void documentsThatCannotBeStoredFailTheCall() {
        assertThatThrownBy(() -> alice.add(List.of(Document.builder().id("empty").text(" ").build())))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> alice.add(List.of(Document.builder().text("dated").metadata(Map.of("occurred_at",
                "yesterday")).build()))).isInstanceOf(InvalidRequestException.class);
    }
}
