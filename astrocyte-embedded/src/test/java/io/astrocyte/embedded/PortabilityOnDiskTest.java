package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AMA export from one embedded data folder and import into another, through real Lucene indexes. */
class PortabilityOnDiskTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    @TempDir
    Path dir;

    @Test
    void aBankMovesBetweenDataFoldersWithoutItsForgottenMemories() throws Exception {
        Path file = dir.resolve("exports/notes.jsonl");
        // 600 look-alike notes that dedup would rightly fold together; this test is about moving them.
        var noDedup = new ConfigLoader(k -> null).fromMap(Map.of("signal_quality",
                Map.of("dedup", Map.of("enabled", false))));
        try (Astrocyte source = Astrocyte.builder().dataDirectory(dir.resolve("a")).embedder(new HashingEmbedder(64))
                .config(noDedup).environment(k -> k.equals("ASTROCYTE_PORTABILITY_ROOTS") ? dir.resolve("exports").toString() : null)
                .build()) {
            for (int i = 0; i < 600; i++) {
                source.retain(RetainRequest.builder("notes", "note " + i + " about topic " + (i % 7)).tags("t" + (i % 3))
                        .build(), ALICE);
            }
            String doomed = source.retain(RetainRequest.of("notes", "a secret to forget"), ALICE).memoryId();
            source.forget(ForgetRequest.byIds("notes", List.of(doomed)), ALICE);
            assertThat(source.exportBank(ExportRequest.of("notes"), file, ALICE)).isEqualTo(600);
        }
        assertThat(Files.readAllLines(file)).hasSize(601).noneMatch(l -> l.contains("secret"));
        try (Astrocyte target = Astrocyte.builder().dataDirectory(dir.resolve("b")).embedder(new HashingEmbedder(64))
                .build()) {
            ImportResult r = target.importBank(new ImportRequest("archive", null, null, true, null), file, ALICE);
            assertThat(r).isEqualTo(new ImportResult(600, 0, List.of()));
            assertThat(target.memoryCount("archive", ALICE)).isEqualTo(600);
            assertThat(target.recall(RecallRequest.of("archive", "note 599"), ALICE).hits().get(0).text())
                    .isEqualTo("note 599 about topic 4");
        }
    }
}
