package io.astrocyte.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.MutableTestClock;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule's pipeline at work: its chunker and dedup for the memories it routes, its recall tuning for its bank. */
class MipPipelineTest {

    private static final AstrocyteContext BOT = AstrocyteContext.of("agent:notes");
    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-03-01T00:00:00Z"));

    private Astrocyte brain(String yaml) {
        return Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64)).clock(clock)
                .governanceStore(new InMemoryGovernanceStore()).mipConfig(new MipLoader(k -> null).parse(yaml, "mip"))
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of("access_grants", List.of(Map.of(
                        "bank_id", "*", "principal", BOT.principal(), "permissions", List.of("read", "write"))))))
                .build();
    }

    private static final String LONG = "First sentence about the garden. Second sentence about the fence. "
            + "Third sentence about the roses. Fourth sentence about the shed.";

    @Test
    void theRulesChunkerAndDedupApplyToWhatItRoutes() {
        String yaml = """
                rules:
                  - name: docs
                    match: {content_type: document}
                    action:
                      bank: docs
                      pipeline: {version: 1, chunker: {strategy: fixed, max_size: 40, overlap: 0},
                                 dedup: {threshold: 0.99, action: skip}}
                """;
        try (Astrocyte brain = brain(yaml)) {
            RetainResult doc = brain.retain(RetainRequest.builder("inbox", LONG)
                    .contentType(io.astrocyte.api.ContentType.DOCUMENT).build(), BOT);
            assertThat(doc.routing().ruleName()).isEqualTo("docs");
            assertThat(doc.memoryIds()).as("fixed 40-character chunks").hasSizeGreaterThanOrEqualTo(3);
            RetainResult plain = brain.retain(RetainRequest.of("inbox", LONG), BOT);
            assertThat(plain.memoryIds()).as("the configured chunker elsewhere").hasSize(1);
            RetainResult again = brain.retain(RetainRequest.builder("inbox", LONG + " Fifth about the pond.")
                    .contentType(io.astrocyte.api.ContentType.DOCUMENT).build(), BOT);
            assertThat(again.stored()).as("the rule's dedup action skip stores nothing (skip_chunk would store the new"
                    + " chunk)").isFalse();
            assertThat(again.deduplicated()).isTrue();
        }
    }

    @Test
    void aBanksHalfLifeTunesItsRecall() {
        String yaml = """
                rules:
                  - name: news
                    match: {content_type: event}
                    action: {bank: news, pipeline: {version: 1, temporal_half_life_days: 0.001}}
                """;
        try (Astrocyte brain = brain(yaml)) {
            brain.retain(RetainRequest.builder("feed", "The harbour festival opened").contentType(
                    io.astrocyte.api.ContentType.EVENT).build(), BOT);
            brain.retain(RetainRequest.of("archive", "The harbour festival opened"), BOT);
            clock.advance(Duration.ofDays(2));
            var news = brain.recall(RecallRequest.of("news", "harbour festival"), BOT).trace();
            var archive = brain.recall(RecallRequest.of("archive", "harbour festival"), BOT).trace();
            assertThat(news.strategyCandidateCounts().getOrDefault("temporal", 0)).as("two days at a 90-second"
                    + " half-life: too old to count as recent").isZero();
            assertThat(archive.strategyCandidateCounts().get("temporal")).as("the configured half-life").isEqualTo(1);
        }
    }

    @Test
    void aBanksReflectBlockStylesThePromptAndPromotesMetadata() {
        String yaml = """
                rules:
                  - name: chat
                    match: {content_type: conversation}
                    action: {bank: chat, pipeline: {version: 1, preset: conversational,
                             reflect: {prompt: evidence_strict}}}
                """;
        java.util.List<java.util.List<io.astrocyte.spi.Message>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.astrocyte.spi.LlmProvider recording = new io.astrocyte.spi.LlmProvider() { // a stand-in model that records
            @Override
            public String name() {
                return "recording-stub";
            }

            @Override
            public io.astrocyte.spi.Completion complete(io.astrocyte.spi.CompletionRequest request) {
                asked.add(request.messages());
                return new io.astrocyte.spi.Completion("Alice moved in May [Memory 1].", "stub", null);
            }
        };
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .llm(recording).governanceStore(new InMemoryGovernanceStore())
                .mipConfig(new MipLoader(k -> null).parse(yaml, "mip"))
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of("access_grants", List.of(Map.of(
                        "bank_id", "*", "principal", BOT.principal(), "permissions", List.of("read", "write"))))))
                .build()) {
            brain.retain(RetainRequest.builder("inbox", "Alice: we moved to Leeds in May")
                    .contentType(io.astrocyte.api.ContentType.CONVERSATION).metadata(Map.of("speaker", "Alice")).build(),
                    BOT);
            brain.reflect(io.astrocyte.api.ReflectRequest.of("chat", "When did Alice move?"), BOT);
            String system = asked.get(asked.size() - 1).get(0).content();
            String user = asked.get(asked.size() - 1).get(1).content();
            assertThat(system).contains("Back every statement with a cited memory");
            assertThat(user).as("the conversational preset promotes speaker").contains("{speaker=Alice}");
        }
    }
}
