package io.astrocyte.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart launched as {@code java -cp <jars> Quickstart}, with a class path over 16 KB on the
 * command line: the launch that killed the JVM in native code before ONNX Runtime was pinned below 1.29.
 */
class QuickstartLaunchTest {

    @TempDir
    Path data;

    @Test
    void runsToTheEndFromALongCommandLineClasspath() throws Exception {
        try (ChildJvm child = ChildJvm.main(Quickstart.class).args("--data", data.toString())
                .jvmOptions("-Xmx512m").classpathAtLeast(16 * 1024).start()) {
            assertThat(child.awaitExit(Duration.ofMinutes(3))).as(child.output()).isZero();
            assertThat(child.output()).contains("embedder: all-minilm-l6-v2-q").contains("Run the same command again");
        }
    }
}
