package io.astrocyte.samples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample end to end, offline: real MiniLM, real Lucene data folder, real AiServices. */
class LangChain4jAgentTest {

    @TempDir
    Path dir;

    @Test
    void eachUserGetsTheirOwnMemoriesBack() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LangChain4jAgent.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] turns = bytes.toString(StandardCharsets.UTF_8).split("\n\n");
        assertThat(turns[1]).contains("assistant: Noted. (Saved as memory");
        assertThat(turns[3]).as("alice's dinner question").contains("vegetarian").doesNotContain("window seat");
        assertThat(turns[4]).as("bob asks about food").doesNotContain("vegetarian").doesNotContain("peanuts");
        assertThat(turns[5]).as("bob's own memory").contains("window seat");
    }
}
