package io.astrocyte.samples.semantickernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample launched as {@code java -cp <jars> SemanticKernelAgent} with a class path over 16 KB. */
class SemanticKernelAgentLaunchTest {

    @TempDir
    Path data;

    @Test
    void runsToTheEndFromALongCommandLineClasspath() throws Exception {
        try (ChildJvm child = ChildJvm.main(SemanticKernelAgent.class).args(data.toString())
                .jvmOptions("-Xmx512m").classpathAtLeast(16 * 1024).start()) {
            assertThat(child.awaitExit(Duration.ofMinutes(3))).as(child.output()).isZero();
            assertThat(child.output()).contains("bob, dinner prompt:");
        }
    }
}
