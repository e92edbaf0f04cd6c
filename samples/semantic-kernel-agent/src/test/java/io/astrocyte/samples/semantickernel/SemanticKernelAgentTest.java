package io.astrocyte.samples.semantickernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample end to end, offline: real MiniLM, real Lucene data folder, real Kernel. */
class SemanticKernelAgentTest {

    @TempDir
    Path dir;

    private String run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SemanticKernelAgent.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachUserGetsTheirOwnMemoriesAndTheSecondRunRemembers() {
        String first = run();
        assertThat(first).contains("alice, memory.retain: Saved as memory")
                .contains("alice, memory.recall: Found 1 memory:").contains("allergic to peanuts");
        String aliceDinner = first.lines().filter(l -> l.startsWith("alice, dinner prompt:")).findFirst().orElseThrow();
        assertThat(aliceDinner).contains("vegetarian").doesNotContain("window seat");
        String bobDinner = first.lines().filter(l -> l.startsWith("bob, dinner prompt:")).findFirst().orElseThrow();
        assertThat(bobDinner).doesNotContain("vegetarian");

        assertThat(run()).as("second run: the facts are already known").contains("alice, memory.retain: Already known");
    }
}
