package io.astrocyte.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportRequest.OnConflict;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.store.memory.ForwardingVectorStore;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AMA JSONL export and import (SPEC §1.8): exact format, conflicts, containment, admin only. */
class AmaPortabilityTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext READER = AstrocyteContext.of("user:reader");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Astrocyte brain;
    private final io.astrocyte.MutableTestClock clock = new io.astrocyte.MutableTestClock(
            Instant.parse("2026-05-01T09:00:00Z"));

    private Astrocyte open(InMemoryVectorStore store, Map<String, String> env) {
        return Astrocyte.builder().vectorStore(new ForwardingVectorStore(store)).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore()).environment(env::get).clock(clock)
                .config(new ConfigLoader(k -> null).fromMap(Map.of(
                        "access_control", Map.of("enabled", true, "default_policy", "deny"),
                        "access_grants", List.of(
                                Map.of("bank_id", "*", "principal", "user:alice",
                                        "permissions", List.of("read", "write", "forget", "admin")),
                                Map.of("bank_id", "*", "principal", "user:reader", "permissions", List.of("read"))))))
                .build();
    }

    @BeforeEach
    void seed() {
        brain = open(new InMemoryVectorStore(), Map.of("ASTROCYTE_PORTABILITY_ROOTS", dir.toString()));
        brain.retain(RetainRequest.builder("diary", "Alice adopted a cat named Miso").tags("pets", "home")
                .metadata(Map.of("mood", "happy", "stars", 5)).factType("experience")
                .occurredAt(Instant.parse("2026-03-01T10:00:00Z")).source("chat").build(), ALICE);
        brain.retain(RetainRequest.of("diary", "Alice runs on Tuesdays"), ALICE);
        String gone = brain.retain(RetainRequest.of("diary", "Alice's old phone pin"), ALICE).memoryId();
        brain.forget(ForgetRequest.byIds("diary", List.of(gone)), ALICE);
    }

    @AfterEach
    void close() {
        brain.close();
    }

    private static List<JsonNode> lines(byte[] bytes) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void exportWritesTheHeaderAndOneLinePerLiveMemoryWithoutNulls() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(brain.exportBank(ExportRequest.of("diary"), out, ALICE)).isEqualTo(2);
        List<JsonNode> lines = lines(out.toByteArray());
        assertThat(lines).hasSize(3);
        JsonNode header = lines.get(0);
        assertThat(header.path("_ama_version").asInt()).isEqualTo(1);
        assertThat(header.path("bank_id").asText()).isEqualTo("diary");
        assertThat(header.path("provider").asText()).isEqualTo("forwarding-test-double");
        assertThat(header.path("memory_count").asInt()).isEqualTo(2);
        assertThat(Instant.parse(header.path("exported_at").asText())).isNotNull();
        // Lines follow retained_at then id; two retains in one millisecond may come in either order.
        JsonNode cat = lines.get(1).path("text").asText().contains("cat") ? lines.get(1) : lines.get(2);
        JsonNode runs = cat == lines.get(1) ? lines.get(2) : lines.get(1);
        assertThat(cat.path("text").asText()).isEqualTo("Alice adopted a cat named Miso");
        assertThat(cat.path("fact_type").asText()).isEqualTo("experience");
        assertThat(cat.path("tags")).extracting(JsonNode::asText).containsExactly("pets", "home");
        assertThat(cat.path("metadata").path("stars").asInt()).isEqualTo(5);
        assertThat(cat.path("occurred_at").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(cat.path("source").asText()).isEqualTo("chat");
        assertThat(cat.has("embedding")).isFalse();
        assertThat(runs.path("text").asText()).isEqualTo("Alice runs on Tuesdays");
        assertThat(runs.has("occurred_at")).isFalse();
        assertThat(runs.has("metadata")).isFalse();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("null", "phone pin");

        ByteArrayOutputStream withVectors = new ByteArrayOutputStream();
        brain.exportBank(ExportRequest.of("diary").withEmbeddings(), withVectors, ALICE);
        assertThat(lines(withVectors.toByteArray()).subList(1, 3)).allSatisfy(
                l -> assertThat(l.path("embedding").size()).isEqualTo(64));
    }

    @Test
    void aRoundTripIntoAnotherBankReEmbedsAndKeepsEverything() throws Exception {
        Path file = dir.resolve("diary.ama.jsonl");
        assertThat(brain.exportBank(ExportRequest.of("diary"), file, ALICE)).isEqualTo(2);
        List<ImportResult> progress = new ArrayList<>();
        ImportResult r = brain.importBank(ImportRequest.of("diary-copy").withProgress(progress::add), file, ALICE);
        assertThat(r).isEqualTo(new ImportResult(2, 0, List.of()));
        assertThat(progress).last().isEqualTo(r);
        List<MemoryHit> hits = brain.recall(RecallRequest.of("diary-copy", "cat Miso"), ALICE).hits();
        assertThat(hits.get(0).text()).isEqualTo("Alice adopted a cat named Miso");
        assertThat(hits.get(0).tags()).containsExactly("pets", "home");
        assertThat(hits.get(0).factType()).isEqualTo("experience");
        assertThat(hits.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(hits.get(0).metadata()).containsEntry("mood", "happy").containsKey("ama_original_id");
        assertThat(brain.memoryCount("diary-copy", ALICE)).isEqualTo(2);
    }

    @Test
    void conflictsAreSkippedOverwrittenOrReportedAsAsked() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        brain.exportBank(ExportRequest.of("diary"), out, ALICE);
        byte[] ama = out.toByteArray();
        brain.importBank(ImportRequest.of("copy"), new ByteArrayInputStream(ama), ALICE);

        assertThat(brain.importBank(ImportRequest.of("copy"), new ByteArrayInputStream(ama), ALICE))
                .isEqualTo(new ImportResult(0, 2, List.of()));
        assertThatThrownBy(() -> brain.importBank(ImportRequest.of("copy").onConflict(OnConflict.ERROR),
                new ByteArrayInputStream(ama), ALICE)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("2 problem(s) in the file, nothing was imported")
                .hasMessageContaining("line 2: memory").hasMessageContaining("is already in copy");
        assertThat(brain.memoryCount("copy", ALICE)).isEqualTo(2);
        List<String> before = brain.recall(RecallRequest.of("copy", "Alice cat runs"), ALICE).hits().stream()
                .map(MemoryHit::memoryId).toList();
        clock.advance(1); // retained_at of both generations stays apart from the as_of moment
        Instant beforeOverwrite = clock.instant();
        clock.advance(1);
        ImportResult overwritten = brain.importBank(ImportRequest.of("copy").onConflict(OnConflict.OVERWRITE),
                new ByteArrayInputStream(ama), ALICE);
        assertThat(overwritten).isEqualTo(new ImportResult(2, 0, List.of()));
        assertThat(brain.memoryCount("copy", ALICE)).isEqualTo(2);
        List<String> after = brain.recall(RecallRequest.of("copy", "Alice cat runs"), ALICE).hits().stream()
                .map(MemoryHit::memoryId).toList();
        assertThat(before).hasSize(2);
        assertThat(after).hasSize(2).doesNotContainAnyElementsOf(before);
        // The replaced memories are forgotten, not purged: history as of before the overwrite still has them.
        assertThat(brain.history(HistoryRequest.of("copy", "Alice cat runs", beforeOverwrite), ALICE).hits())
                .extracting(MemoryHit::memoryId).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aBanksOwnExportImportedBackConflictsInsteadOfDoublingIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        brain.exportBank(ExportRequest.of("diary"), out, ALICE);
        byte[] ama = out.toByteArray();
        assertThat(brain.importBank(ImportRequest.of("diary"), new ByteArrayInputStream(ama), ALICE))
                .isEqualTo(new ImportResult(0, 2, List.of()));
        assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(2);
        assertThat(brain.importBank(ImportRequest.of("diary").onConflict(OnConflict.OVERWRITE),
                new ByteArrayInputStream(ama), ALICE)).isEqualTo(new ImportResult(2, 0, List.of()));
        assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(2);
        // the replacements remember the id they came from, so a third import still conflicts
        assertThat(brain.importBank(ImportRequest.of("diary"), new ByteArrayInputStream(ama), ALICE))
                .isEqualTo(new ImportResult(0, 2, List.of()));
    }

    @Test
    void badLinesRefuseTheWholeImportAndABadHeaderImportsNothing() {
        String ama = String.join("\n",
                "{\"_ama_version\":1,\"bank_id\":\"x\",\"exported_at\":\"2026-01-01T00:00:00Z\",\"provider\":\"py\",\"memory_count\":5}",
                "{\"id\":\"a1\",\"text\":\"Valid line\",\"entities\":[{\"name\":\"X\",\"entity_type\":\"org\"}],\"future\":1}",
                "{\"text\":\"no id\"}",
                "{\"id\":\"a3\"}",
                "not json at all",
                "{\"id\":\"a5\",\"text\":\"nested metadata\",\"metadata\":{\"deep\":{\"x\":1}}}",
                "",
                "{\"id\":\"a6\",\"text\":\"bad date\",\"occurred_at\":\"yesterday\"}");
        assertThatThrownBy(() -> brain.importBank(ImportRequest.of("mixed"),
                new ByteArrayInputStream(ama.getBytes(StandardCharsets.UTF_8)), ALICE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("3 problem(s) in the file, nothing was imported")
                .hasMessageContaining("line 5: not valid JSON").hasMessageContaining("line 6: metadata.deep must be")
                .hasMessageContaining("line 8: occurred_at 'yesterday' is not an ISO-8601 time");
        assertThat(brain.memoryCount("mixed", ALICE)).isZero();

        String clean = String.join("\n", ama.lines().filter(l -> !l.startsWith("not json") && !l.contains("deep")
                && !l.contains("yesterday")).toList());
        ImportResult r = brain.importBank(ImportRequest.of("mixed"),
                new ByteArrayInputStream(clean.getBytes(StandardCharsets.UTF_8)), ALICE);
        assertThat(r).as("lines without id or text are skipped, as SPEC 1.8 says").isEqualTo(new ImportResult(1, 2,
                List.of()));
        assertThat(brain.recall(RecallRequest.of("mixed", "valid"), ALICE).hits().get(0).source())
                .isEqualTo("import:ama:py");

        for (String header : List.of("{\"id\":\"a1\",\"text\":\"no header\"}", "{\"_ama_version\":2}", "")) {
            assertThatThrownBy(() -> brain.importBank(ImportRequest.of("fresh"),
                    new ByteArrayInputStream((header + "\n{\"id\":\"b\",\"text\":\"t\"}").getBytes(StandardCharsets.UTF_8)),
                    ALICE)).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(brain.memoryCount("fresh", ALICE)).isZero();
    }

    @Test
    void pathsMustStayUnderTheAllowedRoots() throws Exception {
        Path outside = Files.createTempDirectory("astrocyte-outside");
        try {
            assertThatThrownBy(() -> brain.exportBank(ExportRequest.of("diary"), outside.resolve("x.jsonl"), ALICE))
                    .isInstanceOfSatisfying(PathNotAllowedException.class, e -> assertThat(e.httpStatus()).isEqualTo(422));
            assertThatThrownBy(() -> brain.exportBank(ExportRequest.of("diary"), dir.resolve("../escape.jsonl"), ALICE))
                    .isInstanceOf(PathNotAllowedException.class);
            Path link = dir.resolve("link");
            Files.createSymbolicLink(link, outside);
            assertThatThrownBy(() -> brain.exportBank(ExportRequest.of("diary"), link.resolve("x.jsonl"), ALICE))
                    .isInstanceOf(PathNotAllowedException.class);
            assertThatThrownBy(() -> brain.exportBank(ExportRequest.of("diary"), dir.resolve("a\tb.jsonl"), ALICE))
                    .isInstanceOf(PathNotAllowedException.class).hasMessageContaining("control character");
            assertThat(brain.exportBank(ExportRequest.of("diary").withAllowedRoots(outside), outside.resolve("x.jsonl"),
                    ALICE)).isEqualTo(2);
            assertThat(brain.exportBank(new ExportRequest("diary", false, true, null, true),
                    outside.resolve("y.jsonl"), ALICE)).isEqualTo(2);
            assertThat(outside.resolve("x.jsonl")).exists();
        } finally {
            try (var files = Files.walk(outside)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Astrocyte noRoots = open(new InMemoryVectorStore(), Map.of())) {
            assertThatThrownBy(() -> noRoots.exportBank(ExportRequest.of("diary"), dir.resolve("z.jsonl"), ALICE))
                    .isInstanceOf(PathNotAllowedException.class).hasMessageContaining("ASTROCYTE_PORTABILITY_ROOTS");
        }
    }

    @Test
    void exportAndImportNeedAdminOnTheBank() {
        assertThatThrownBy(() -> brain.exportBank(ExportRequest.of("diary"), new ByteArrayOutputStream(), READER))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("admin");
        assertThatThrownBy(() -> brain.importBank(ImportRequest.of("diary"),
                new ByteArrayInputStream("{\"_ama_version\":1}".getBytes(StandardCharsets.UTF_8)), READER))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> brain.exportBank(ExportRequest.of("diary"), dir.resolve("x.jsonl"), null))
                .isInstanceOf(io.astrocyte.AuthorizationException.class);
    }

    @Test
    void aFailingStoreLeavesNoPartialExportFile() throws Exception {
        InMemoryVectorStore inner = new InMemoryVectorStore();
        Map<String, String> env = Map.of("ASTROCYTE_PORTABILITY_ROOTS", dir.toString());
        try (Astrocyte seeded = open(inner, env)) {
            for (int i = 0; i < 700; i++) {
                seeded.retain(RetainRequest.of("big", "memory number " + i), ALICE);
            }
        }
        ForwardingVectorStore failing = new ForwardingVectorStore(inner) {
            @Override
            public List<VectorItem> listVectors(String bankId, io.astrocyte.spi.ListCursor after, int limit,
                    VectorFilters filters) {
                if (after != null) {
                    throw new IllegalStateException("disk went away");
                }
                return super.listVectors(bankId, after, limit, filters);
            }
        };
        // The bank was filled behind the facade's back, so nobody owns it: access control is not under test.
        try (Astrocyte broken = Astrocyte.builder().vectorStore(failing).embedder(new HashingEmbedder(64))
                .config(io.astrocyte.config.AstrocyteConfig.defaultConfig()
                        .withAccessControl(io.astrocyte.config.AccessControlConfig.disabled()))
                .environment(env::get).build()) {
            Path target = dir.resolve("big.jsonl");
            assertThatThrownBy(() -> broken.exportBank(ExportRequest.of("big"), target, ALICE))
                    .isInstanceOf(ProviderUnavailableException.class);
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("big"));
            }
        }
    }
}
