package io.astrocyte.samples.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample app end to end with its offline model and the real MiniLM embedder. */
// Closes the context (and the store in the temporary folder) with the class: a cached context would keep
// committing into a folder JUnit has already deleted.
@DirtiesContext
@SpringBootTest(properties = "sample.demo=false")
class SpringAiAgentTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("astrocyte.data-dir", () -> data.toString());
    }

    @Autowired
    Concierge concierge;

    @Test
    void eachUserGetsTheirOwnMemoryAndPiiIsRedacted() {
        assertThat(concierge.chat("alice", "Please remember that I am vegetarian and my email is alice@example.com"))
                .startsWith("Noted. (Saved as memory");
        concierge.chat("bob", "Remember that I am allergic to peanuts");

        String alice = concierge.chat("alice", "What should I order for dinner?");
        assertThat(alice).contains("vegetarian").doesNotContain("peanuts").doesNotContain("alice@example.com");
        assertThat(concierge.chat("bob", "What should I order for dinner?")).contains("peanuts")
                .doesNotContain("vegetarian");

        concierge.savePreference("alice", "Alice prefers a table by the window");
        assertThat(concierge.whatWeKnow("alice", "table by the window", null)).first().asString()
                .contains("window");
        assertThat(concierge.whatWeKnow("bob", "table by the window", null)).noneMatch(m -> m.contains("window"));
    }
}
