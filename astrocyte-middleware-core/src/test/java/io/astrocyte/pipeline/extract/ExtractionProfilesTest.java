package io.astrocyte.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.config.ExtractionProfileConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.pipeline.RetainPipeline;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction profiles (SPEC §5.1) through the facade, on the in-memory store, with a deterministic stand-in for the
 * LLM: what a profile changes about a retain, facts stored beside their source and forgotten with it, and every way
 * the LLM can let the retain down without losing the content.
 */
class ExtractionProfilesTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final String BANK = "user-alice";
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

    /**
     * Test double for an LLM: answers with whatever {@code reply} makes of the memory it is shown, and records what
     * it was asked. The default reply lists the memory's sentences as facts.
     */
    static final class StandInFactModel implements LlmProvider {
        final List<CompletionRequest> asked = new ArrayList<>();
        Function<String, String> reply = StandInFactModel::sentencesAsJson;

        @Override
        public String name() {
            return "stand-in";
        }

        @Override
        public Completion complete(CompletionRequest request) {
            asked.add(request);
            String user = request.messages().get(request.messages().size() - 1).content();
            String memory = user.substring(user.indexOf("<memory>\n") + 9, user.lastIndexOf("\n</memory>"));
            return new Completion(reply.apply(memory), "stand-in", null);
        }

        static String sentencesAsJson(String memory) {
            StringBuilder json = new StringBuilder("[");
            for (String s : memory.split("(?<=[.!?])\\s+")) {
                json.append(json.length() > 1 ? "," : "").append('"').append(s.strip().replace("\"", "'")).append('"');
            }
            return json.append(']').toString();
        }
    }

    private final StandInFactModel model = new StandInFactModel();
    private final InMemoryVectorStore store = new InMemoryVectorStore();

    private static ExtractionProfileConfig facts(String mode, Integer max) {
        return new ExtractionProfileConfig(null, null, null, "experience", "team-notes", null, mode, max, null, null);
    }

    private Astrocyte brain(Map<String, ExtractionProfileConfig> profiles) {
        return Astrocyte.builder().config(AstrocyteConfig.defaultConfig().withExtractionProfiles(profiles))
                .vectorStore(store).embedder(new HashingEmbedder(256)).llm(model).build();
    }

    private static RetainRequest.Builder meeting(String text) {
        return RetainRequest.builder(BANK, text).extractionProfile("meetings").tags("work").occurredAt(MONDAY);
    }

    private List<VectorItem> live() {
        return store.listItems(BANK, null, 1000, VectorFilters.none());
    }

    @Test
    void factsAreStoredBesideTheirSourceLinkedToItAndFoundByRecall() {
        try (Astrocyte brain = brain(Map.of("meetings", facts("concise", null)))) {
            RetainResult r = brain.retain(meeting("Priya chose Lisbon for the offsite. The budget is 40k euros. "
                    + "She will book the venue by Friday.").build(), ALICE);
            assertThat(r.stored()).isTrue();
            assertThat(r.extractionError()).isNull();
            assertThat(r.factIds()).hasSize(3).doesNotContainAnyElementsOf(r.memoryIds());
            List<VectorItem> items = live();
            assertThat(items).hasSize(r.memoryIds().size() + 3);
            for (VectorItem fact : items) {
                if (r.factIds().contains(fact.id())) {
                    assertThat(fact.metadata()).containsEntry(RetainPipeline.EXTRACTED_FROM, r.memoryId())
                            .containsEntry(RetainPipeline.EXTRACTION, "concise")
                            .containsEntry(RetainPipeline.AUTHORITY_TIER, "team-notes");
                    assertThat(fact.tags()).containsExactly("work");
                    assertThat(fact.occurredAt()).isEqualTo(MONDAY);
                    assertThat(fact.factType()).isEqualTo("experience");
                }
            }
            // the model was shown the memory's date, so it can write absolute dates
            String prompt = model.asked.get(0).messages().get(1).content();
            assertThat(prompt).startsWith("<date>30 November 2026</date>");
            assertThat(model.asked.get(0).messages().get(0).role()).isEqualTo(Message.Role.SYSTEM);

            List<MemoryHit> hits = brain.recall(RecallRequest.builder("What is the offsite budget?").bankId(BANK)
                    .maxResults(2).build(), ALICE).hits();
            assertThat(hits).extracting(MemoryHit::text).contains("The budget is 40k euros.");
        }
    }

    @Test
    void forgettingTheSourceForgetsItsFactsAndNothingElse() {
        try (Astrocyte brain = brain(Map.of("meetings", facts("verbatim", null)))) {
            RetainResult kept = brain.retain(meeting("Tom owns the release checklist. It lives in the wiki.").build(),
                    ALICE);
            RetainResult gone = brain.retain(meeting("Priya chose Lisbon for the offsite. The budget is 40k euros.")
                    .build(), ALICE);
            assertThat(kept.factIds()).hasSize(2);
            assertThat(gone.factIds()).hasSize(2);
            var result = brain.forget(ForgetRequest.byIds(BANK, List.of(gone.memoryId())), ALICE);
            assertThat(result.deletedCount()).isEqualTo(1 + 2);
            assertThat(live()).extracting(VectorItem::id)
                    .containsExactlyInAnyOrderElementsOf(concat(kept.memoryIds(), kept.factIds()));
        }
    }

    @Test
    void aFailingOrConfusedModelNeverCostsTheContent() {
        try (Astrocyte brain = brain(Map.of("meetings", facts("concise", null)))) {
            model.reply = m -> {
                throw new IllegalStateException("model overloaded");
            };
            RetainResult failed = brain.retain(meeting("The demo moved to Thursday.").build(), ALICE);
            assertThat(failed.stored()).isTrue();
            assertThat(failed.factIds()).isEmpty();
            assertThat(failed.extractionError()).contains("stand-in").contains("model overloaded");

            model.reply = m -> "Sure! Here are the facts: the demo moved.";
            RetainResult prose = brain.retain(meeting("The retro is cancelled this week.").build(), ALICE);
            assertThat(prose.stored()).isTrue();
            assertThat(prose.factIds()).isEmpty();
            assertThat(prose.extractionError()).contains("not a JSON list");

            model.reply = m -> "[]";
            RetainResult nothing = brain.retain(meeting("Hello everyone.").build(), ALICE);
            assertThat(nothing.factIds()).isEmpty();
            assertThat(nothing.extractionError()).as("nothing worth keeping is not an error").isNull();

            assertThat(live()).hasSize(3); // the three contents, each stored once
        }
    }

    @Test
    void theModelsAnswerIsReadTolerantlyAndCapped() {
        FactExtractor.Outcome fenced = FactExtractor.parse("```json\n[\"A likes tea.\", {\"fact\": \"B likes coffee.\"},"
                + " {\"text\": \"C likes cocoa.\"}, \"A likes tea.\", \"  \", 42, \"" + "x".repeat(700) + "\"]\n```", 30);
        assertThat(fenced.facts()).containsExactly("A likes tea.", "B likes coffee.", "C likes cocoa.");
        assertThat(FactExtractor.parse("[\"1\", \"2\", \"3\", \"4\"]", 2).facts()).containsExactly("1", "2");
        assertThat(FactExtractor.parse("[1, 2]", 5).error()).contains("no usable fact");
        assertThat(FactExtractor.parse("[\"unclosed", 5).error()).contains("not a JSON list");
        assertThat(FactExtractor.parse(null, 5).error()).contains("no answer");

        try (Astrocyte brain = brain(Map.of("meetings", facts("concise", 2)))) {
            RetainResult r = brain.retain(meeting("One. Two. Three. Four.").build(), ALICE);
            assertThat(r.factIds()).hasSize(2);
            assertThat(model.asked.get(0).messages().get(0).content()).contains("at most 2");
        }
    }

    @Test
    void aDuplicateSkippedByDedupIsNotShownToTheModel() {
        try (Astrocyte brain = brain(Map.of("meetings", facts("concise", null)))) {
            assertThat(brain.retain(meeting("The office closes at six on Fridays.").build(), ALICE).stored()).isTrue();
            RetainResult again = brain.retain(meeting("The office closes at six on Fridays.").build(), ALICE);
            assertThat(again.stored()).isFalse();
            assertThat(model.asked).hasSize(1);
        }
    }

    @Test
    void aProfileShapesChunkingTypesAndMetadataAndTheRequestKeepsItsOwnMetadata() {
        ExtractionProfileConfig tickets = new ExtractionProfileConfig("document", "fixed", 40, "ticket", "support",
                Map.of("$.ticket.priority", "priority", "$.ticket.id", "ticket_id", "$.missing.path", "nothing"),
                null, null, false, null);
        try (Astrocyte brain = brain(Map.of("tickets", tickets))) {
            String json = "{\"ticket\": {\"id\": 4242, \"priority\": \"high\", \"tags\": [\"a\"]}, \"body\": "
                    + "\"The printer on the third floor jams whenever duplex is on.\"}";
            RetainResult mapped = brain.retain(RetainRequest.builder(BANK, json).extractionProfile("tickets").build(),
                    ALICE);
            assertThat(mapped.memoryIds()).as("40-character fixed chunks").hasSizeGreaterThan(2);
            assertThat(mapped.factIds()).isEmpty();
            assertThat(model.asked).as("this profile asks for no facts").isEmpty();
            VectorItem first = live().stream().filter(i -> i.id().equals(mapped.memoryId())).findFirst().orElseThrow();
            assertThat(first.metadata()).containsEntry("priority", "high").containsEntry("ticket_id", 4242L)
                    .containsEntry(RetainPipeline.AUTHORITY_TIER, "support").doesNotContainKey("nothing");
            assertThat(first.factType()).isEqualTo("ticket");

            RetainResult own = brain.retain(RetainRequest.builder(BANK, json.replace("4242", "4243"))
                    .extractionProfile("tickets").metadata(Map.of("priority", "low", "authority_tier", "vip")).build(),
                    ALICE);
            VectorItem ownFirst = live().stream().filter(i -> i.id().equals(own.memoryId())).findFirst().orElseThrow();
            assertThat(ownFirst.metadata()).containsEntry("priority", "low").containsEntry("authority_tier", "vip")
                    .containsEntry("ticket_id", 4243L);
        }
    }

    @Test
    void theBuiltInsExistAndAConfiguredProfileReplacesOne() {
        ExtractionProfiles builtIn = new ExtractionProfiles(Map.of());
        assertThat(builtIn.resolve(ExtractionProfiles.BUILTIN_CONVERSATION).chunkingStrategy()).isEqualTo("dialogue");
        assertThat(builtIn.resolve(ExtractionProfiles.BUILTIN_TEXT).chunkingStrategy()).isEqualTo("sentence");
        assertThat(builtIn.resolve(null)).isNull();
        ExtractionProfiles mine = new ExtractionProfiles(Map.of(ExtractionProfiles.BUILTIN_TEXT,
                ExtractionProfileConfig.chunking("text", "paragraph")));
        assertThat(mine.resolve(ExtractionProfiles.BUILTIN_TEXT).chunkingStrategy()).isEqualTo("paragraph");
    }

    @Test
    void anUnknownProfileIsRefusedByNameAndStoresNothing() {
        try (Astrocyte brain = brain(Map.of("meetings", facts("concise", null)))) {
            assertThatThrownBy(() -> brain.retain(RetainRequest.builder(BANK, "Anything.").extractionProfile("meeting")
                    .build(), ALICE)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("unknown profile 'meeting'")
                    .hasMessageContaining("builtin_conversation, builtin_text, meetings");
            assertThat(live()).isEmpty();
            assertThat(model.asked).isEmpty();
        }
    }

    @Test
    void factExtractionWithoutAnLlmIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> Astrocyte.builder().config(AstrocyteConfig.defaultConfig()
                .withExtractionProfiles(Map.of("meetings", facts("concise", null)))).vectorStore(store)
                .embedder(new HashingEmbedder(64)).build()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("extraction_profiles.meetings.fact_extraction: needs an LLM");
        // a profile without facts needs none
        try (Astrocyte ok = Astrocyte.builder().config(AstrocyteConfig.defaultConfig()
                .withExtractionProfiles(Map.of("plain", facts("off", null)))).vectorStore(store)
                .embedder(new HashingEmbedder(64)).build()) {
            assertThat(ok.retain(RetainRequest.builder(BANK, "Fine.").extractionProfile("plain").build(), ALICE)
                    .stored()).isTrue();
        }
    }

    @Test
    void configFilesDeclareProfilesAndBadKeysAreRefusedByName(@TempDir Path dir) {
        AstrocyteConfig c = parse(dir, """
                extraction_profiles:
                  meetings:
                    content_type: conversation
                    chunk_size: 300
                    fact_type: experience
                    fact_extraction: verbatim
                    max_facts: 12
                    metadata_mapping: {"$.room": room}
                """);
        ExtractionProfileConfig p = c.extractionProfiles().get("meetings");
        assertThat(p.contentType()).isEqualTo("conversation");
        assertThat(p.chunkSize()).isEqualTo(300);
        assertThat(p.maxFacts()).isEqualTo(12);
        assertThat(p.metadataMapping()).containsEntry("$.room", "room");
        assertThat(p.extractsFacts()).isTrue();

        Map<String, String> bad = Map.of(
                "max_facts: 31", "extraction_profiles.p.max_facts",
                "fact_extraction: maybe", "extraction_profiles.p.fact_extraction",
                "entity_extraction: llm", "extraction_profiles.p.entity_extraction",
                "tag_rules: [{match: x, tag: y}]", "extraction_profiles.p.tag_rules",
                "metadata_mapping: {room: room}", "extraction_profiles.p.metadata_mapping",
                "metadata_mapping: {\"$.a\": _secret}", "extraction_profiles.p.metadata_mapping",
                "content_type: video", "extraction_profiles.p.content_type",
                "chunking_strategy: words", "extraction_profiles.p.chunking_strategy",
                "chunk_size: 0", "extraction_profiles.p.chunk_size");
        bad.forEach((line, key) -> assertThatThrownBy(() -> parse(dir, "extraction_profiles:\n  p:\n    " + line
                + "\n")).as(line).isInstanceOf(ConfigException.class).hasMessageContaining(key));
    }

    private static AstrocyteConfig parse(Path dir, String yaml) {
        Path file = dir.resolve("astrocyte.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ConfigLoader(v -> null).load(file);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
