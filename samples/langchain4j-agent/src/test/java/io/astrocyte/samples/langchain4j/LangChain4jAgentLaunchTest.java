package io.astrocyte.samples.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample launched as {@code java -cp <jars> LangChain4jAgent} with a class path over 16 KB. */
class LangChain4jAgentLaunchTest {

    @TempDir
    Path data;

    @Test
    void runsToTheEndFromALongCommandLineClasspath() throws Exception {
        try (ChildJvm child = ChildJvm.main(LangChain4jAgent.class).args(data.toString())
                .jvmOptions("-Xmx512m").classpathAtLeast(16 * 1024).start()) {
            assertThat(child.awaitExit(Duration.ofMinutes(3))).as(child.output()).isZero();
            assertThat(child.output()).contains("window seat");
        }
    }
}
