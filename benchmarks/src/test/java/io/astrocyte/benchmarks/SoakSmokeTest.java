package io.astrocyte.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.benchmarks.soak.SoakBenchmark;
import io.astrocyte.embedding.HashingEmbedder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak harness for a few seconds on a small store with the hashing embedder: wiring and ledger checks. */
class SoakSmokeTest {

    @TempDir
    Path dir;

    @Test
    void aShortSoakReportsEveryVerbNoErrorsAndNoLostWrites() throws Exception {
        Path out = dir.resolve("results");
        new SoakBenchmark(new SoakBenchmark.Options(out, dir.resolve("data"), new HashingEmbedder(64), 0.1, 8, 500,
                "test"), new PrintStream(new ByteArrayOutputStream(), true)).run();
        JsonNode r = new ObjectMapper().readTree(out.resolve("soak.json").toFile());
        assertThat(r.path("initial_memories").asInt()).isGreaterThanOrEqualTo(500);
        for (String verb : List.of("retain", "recall", "reflect", "forget", "history")) {
            assertThat(r.path("verbs").path(verb).path("ops").asInt()).as(verb).isPositive();
        }
        assertThat(r.path("errors").asLong()).as(r.path("error_kinds").toString()).isZero();
        assertThat(r.path("acknowledged_forgets").asInt()).isPositive();
        for (String check : List.of("lost_writes_before_reopen", "lost_writes_after_reopen")) {
            assertThat(r.path(check).path("missing_retains").asLong()).as(check).isZero();
            assertThat(r.path(check).path("forgets_undone").asLong()).as(check).isZero();
        }
        assertThat(r.path("samples").size()).isGreaterThanOrEqualTo(2);
        assertThat(r.path("samples").get(0).path("open_fds").asLong()).isPositive();
        assertThat(out.resolve("soak.md")).exists();
    }
}
