package io.astrocyte.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart twice on a fresh folder, as a newcomer would, and checks what it prints. */
class QuickstartTest {

    @TempDir
    Path data;

    private String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(data);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void firstRunDemonstratesEveryVerbAndTheSecondFindsThePersistedMemories() {
        String first = run();
        assertThat(first).contains("Store: embedded, embedder: all-minilm-l6-v2-q");
        assertThat(first).containsPattern("stored=true id=[0-9a-f]{16}  Alice: I drink oat-milk");
        assertThat(first).contains("trace: strategies=[semantic, keyword, temporal]");
        // recall: the drink memory ranks first
        String recall = first.substring(first.indexOf("== 2. recall"), first.indexOf("trace:"));
        assertThat(recall.lines().skip(1).findFirst().orElseThrow()).contains("oat-milk flat whites");
        assertThat(first).containsPattern("answer: .*Miso.*\\[memory:[0-9a-f]{16}]");
        assertThat(first).contains("forgot 1 memory").contains("recall \"phone number\" now: not found");
        String history = first.substring(first.indexOf("== 5. history"));
        String stored = "Alice: My old phone number was [PHONE_REDACTED], but I changed it.";
        assertThat(first).contains("the PII barrier stored the phone turn as: " + stored);
        assertThat(history).doesNotContain("912 345 678");
        assertThat(history).contains(stored);

        String second = run();
        assertThat(second).contains("Found 5 memories in bank user-alice from an earlier run");
        assertThat(second).doesNotContain("== 1. retain");
        assertThat(second).containsPattern("answer: .*Miso");
        assertThat(second.substring(second.indexOf("== 4. history"))).contains(stored)
                .contains("does not find it: forgotten");
    }
}
