package io.astrocyte.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.benchmarks.locomo.LocomoBenchmark;
import io.astrocyte.benchmarks.speed.SpeedBenchmark;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.qdrant.QdrantVectorStore;
import io.astrocyte.qdrant.SimulatedQdrantServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs both benchmarks end to end on a tiny generated dataset in LoCoMo's shape, so CI proves the
 * harness works without the licensed data; the full runs are manual commands (README "Benchmarks").
 */
class BenchmarkSmokeTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    /** Two conversations; each question's evidence turn shares a rare word with it. */
    private Path tinyLocomo() throws Exception {
        String[] topics = {"kayak", "violin", "sourdough", "telescope", "marathon", "origami", "beekeeping", "chess"};
        List<Object> samples = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            Map<String, Object> conv = new LinkedHashMap<>();
            conv.put("speaker_a", "Ann");
            conv.put("speaker_b", "Ben");
            List<Object> qa = new ArrayList<>();
            for (int session = 1; session <= 2; session++) {
                conv.put("session_" + session + "_date_time", "1:56 pm on " + (session + 7) + " May, 2023");
                List<Object> turns = new ArrayList<>();
                for (int t = 1; t <= 4; t++) {
                    String topic = topics[(session - 1) * 4 + t - 1];
                    Map<String, Object> turn = new LinkedHashMap<>();
                    turn.put("speaker", t % 2 == 1 ? "Ann" : "Ben");
                    turn.put("dia_id", "D" + session + ":" + t);
                    turn.put("text", "Conversation " + s + " talks about " + topic + " today.");
                    if (t == 2) {
                        turn.put("blip_caption", "a photo of a " + topic);
                    }
                    turns.add(turn);
                    qa.add(Map.of("question", "What about the " + topic + "?", "category", 1 + (t % 4),
                            "evidence", List.of("D:" + session + ":0" + t)));
                }
                if (s == 1 && session == 2) {
                    // A turn far over the default 50,000-character limit, as real datasets have: refused, counted.
                    turns.add(Map.of("speaker", "Ben", "dia_id", "D2:5", "text", "and on ".repeat(60_000)));
                }
                conv.put("session_" + session, turns);
            }
            qa.add(Map.of("question", "Adversarial chess question?", "category", 5, "evidence", List.of("D2:4")));
            qa.add(Map.of("question", "No evidence?", "category", 2, "evidence", List.of("D9:9")));
            samples.add(Map.of("sample_id", "conv-" + s, "conversation", conv, "qa", qa));
        }
        Path file = dir.resolve("tiny-locomo.json");
        json.writeValue(file.toFile(), samples);
        return file;
    }

    @Test
    void locomoWritesEveryFieldForEverySystem() throws Exception {
        Path out = dir.resolve("results");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new LocomoBenchmark(new LocomoBenchmark.Options(tinyLocomo(), out, new HashingEmbedder(384), 100, null, "test",
                null),
                new PrintStream(console, true)).run();

        JsonNode root = json.readTree(out.resolve("locomo-retrieval.json").toFile());
        assertThat(root.path("questions").asInt()).isEqualTo(16);
        assertThat(root.path("adversarial_questions").asInt()).isEqualTo(2);
        assertThat(root.path("systems").size()).isEqualTo(5);
        for (String system : List.of("bm25", "dense-lc4j", "dense-springai", "rrf-naive", "astrocyte")) {
            JsonNode s = root.path("systems").path(system);
            for (String metric : List.of("r@1", "r@5", "r@10", "r@20", "r@50", "all@10", "hit@10", "mrr", "ndcg@10",
                    "r@512tok", "r@1024tok", "r@2048tok", "r@4096tok")) {
                assertThat(s.path("overall").path(metric).isNumber()).as(system + " " + metric).isTrue();
                assertThat(s.path("overall").path(metric).asDouble()).isBetween(0.0, 1.0);
            }
            for (String category : List.of("multi-hop", "temporal", "open-domain", "single-hop")) {
                assertThat(s.path("by_category").path(category).path("r@10").isNumber()).isTrue();
            }
            assertThat(s.path("adversarial").path("r@10").isNumber()).isTrue();
            assertThat(s.path("recall_ms_p95").asDouble()).isGreaterThan(0);
            assertThat(s.path("leaks").asLong()).as(system + " leaks").isZero();
        }
        // Every question's evidence shares a rare word with it, so keyword-aware systems find it first.
        assertThat(root.path("systems").path("bm25").path("overall").path("r@1").asDouble()).isEqualTo(1.0);
        assertThat(root.path("systems").path("astrocyte").path("overall").path("r@5").asDouble()).isEqualTo(1.0);
        JsonNode astrocyte = root.path("systems").path("astrocyte");
        assertThat(astrocyte.path("refused_retains").asInt()).as("the oversized turn is refused, and the run goes on")
                .isEqualTo(1);
        assertThat(astrocyte.path("refused_turns").get(0).asText()).isEqualTo("D2:5");
        assertThat(astrocyte.path("refusals").fieldNames().next()).containsIgnoringCase("50000");
        assertThat(root.path("systems").path("bm25").path("refused_retains").asInt()).isZero();
        assertThat(console.toString()).contains("| astrocyte |");
        assertThat(out.resolve("locomo-retrieval.md")).exists();
        assertThat(root.path("skipped").path("astrocyte-qdrant").asText()).contains("--qdrant-url");
        assertThat(Files.readString(out.resolve("locomo-retrieval.md"))).contains("astrocyte-qdrant: skipped");
    }

    /**
     * The astrocyte-qdrant row goes through the same harness; here against a simulated Qdrant server (a test
     * double from astrocyte-qdrant's tests, not Qdrant), so only the wiring is checked, not Qdrant's numbers.
     */
    @Test
    void locomoAddsTheQdrantRowWhenGivenAStore() throws Exception {
        Path out = dir.resolve("results-qdrant");
        HashingEmbedder embedder = new HashingEmbedder(384);
        try (SimulatedQdrantServer server = new SimulatedQdrantServer(); var client = server.client();
                QdrantVectorStore store = QdrantVectorStore.builder().client(client).collection("locomo_smoke")
                        .dimension(384).embeddingModel(embedder.modelId()).build()) {
            new LocomoBenchmark(new LocomoBenchmark.Options(tinyLocomo(), out, embedder, 100, null, "test", store),
                    new PrintStream(new ByteArrayOutputStream(), true)).run();
        }
        JsonNode root = json.readTree(out.resolve("locomo-retrieval.json").toFile());
        assertThat(root.path("systems").size()).isEqualTo(6);
        JsonNode qdrant = root.path("systems").path("astrocyte-qdrant");
        assertThat(qdrant.path("overall").path("r@5").asDouble()).isEqualTo(1.0);
        assertThat(qdrant.path("leaks").asLong()).isZero();
        assertThat(root.path("skipped").size()).isZero();
    }

    @Test
    void locomoTuneComparesVariantsPerHalfWithLongDistractorsAndWritesTheFailureReport() throws Exception {
        Path report = dir.resolve("tune").resolve("failures.md");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        var results = new io.astrocyte.benchmarks.locomo.LocomoTuning(tinyLocomo(), new HashingEmbedder(384),
                io.astrocyte.benchmarks.locomo.LocomoTuning.variants("default,dense-only"),
                new PrintStream(console, true), 2).withFailureReport(5, report).run();
        assertThat(results).containsOnlyKeys("default", "dense-only");
        assertThat(results.get("default")).containsOnlyKeys("A", "B");
        assertThat(results.get("default").get("A")).containsKeys("r@10", "r@2048tok", "multi-hop all@10");
        // each question's evidence shares its rare topic word: found at the top by the full recall
        assertThat(results.get("default").get("A").get("r@10")).isEqualTo(1.0);
        // a long memory after every second turn: 4 per conversation (the over-long turn is refused, not counted)
        assertThat(console.toString()).contains("indexed 2 conversations, 8 long distractor memories");
        String text = Files.readString(report);
        assertThat(text).startsWith("The 2 worst multi-hop questions of half A (conversations 1-1)")
                .contains("| conv-0 #3 | 1 | 1.00 |  |", "| conv-0 #7 | 1 | 1.00 |  |");

        Path singleHop = dir.resolve("tune").resolve("single-hop.md");
        new io.astrocyte.benchmarks.locomo.LocomoTuning(tinyLocomo(), new HashingEmbedder(384),
                io.astrocyte.benchmarks.locomo.LocomoTuning.variants("default"),
                new PrintStream(new ByteArrayOutputStream(), true)).withFailureReport(5, singleHop, 4).run();
        assertThat(Files.readString(singleHop)).startsWith("The 2 worst single-hop questions of half A");
    }

    @Test
    void speedWritesThroughputAndLatencies() throws Exception {
        Path out = dir.resolve("speed");
        new SpeedBenchmark(new SpeedBenchmark.Options(out, List.of(300), List.of(200), 40, 60, "test"),
                new PrintStream(new ByteArrayOutputStream(), true)).run();
        JsonNode root = json.readTree(out.resolve("speed.json").toFile());
        for (String e : List.of("real_embedder", "hashing_embedder")) {
            JsonNode r = root.path("retain").path(e);
            assertThat(r.path("retain_per_s_sequential").asDouble()).isGreaterThan(0);
            assertThat(r.path("ratio_sequential_vs_raw_single").asDouble()).isGreaterThan(0);
        }
        JsonNode recall = root.path("recall").get(0);
        assertThat(recall.path("memories").asInt()).isEqualTo(300);
        assertThat(recall.path("recall_1_thread_ms").path("p99").asDouble())
                .isGreaterThanOrEqualTo(recall.path("recall_1_thread_ms").path("p50").asDouble());
        assertThat(recall.path("recall_8_threads_ms").path("p95").asDouble()).isGreaterThan(0);
        assertThat(recall.path("policy_overhead_ratio").asDouble()).isGreaterThan(0);
        assertThat(recall.path("disk_bytes_per_memory").asLong()).isGreaterThan(0);
        assertThat(root.path("environment").path("cores").asInt()).isGreaterThan(0);
        JsonNode hashed = root.path("recall").get(1);
        assertThat(hashed.path("memories").asInt()).isEqualTo(200);
        assertThat(hashed.path("embedder").asText()).startsWith("hashing");
    }

    @Test
    void speedCanSkipTheRetainSection() throws Exception {
        Path out = dir.resolve("speed-recall-only");
        new SpeedBenchmark(new SpeedBenchmark.Options(out, List.of(), List.of(150), 20, 0, "test"),
                new PrintStream(new ByteArrayOutputStream(), true)).run();
        JsonNode root = json.readTree(out.resolve("speed.json").toFile());
        assertThat(root.path("retain").size()).isZero();
        assertThat(root.path("recall").size()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("speed.md"))).contains("| 150 | hashing");
    }
}
