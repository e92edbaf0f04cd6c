package io.astrocyte.samples.springai;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Boot app launched the way {@code mvn spring-boot:run} and IDEs launch it: {@code java -cp <jars>}
 * with a class path over 16 KB on the command line.
 */
class SpringAiAgentLaunchTest {

    @TempDir
    Path data;

    @Test
    void runsTheDemoFromALongCommandLineClasspath() throws Exception {
        try (ChildJvm child = ChildJvm.main(SpringAiAgentApplication.class)
                .args("--astrocyte.data-dir=" + data).jvmOptions("-Xmx768m").classpathAtLeast(16 * 1024).start()) {
            assertThat(child.awaitExit(Duration.ofMinutes(3))).as(child.output()).isZero();
            assertThat(child.output()).contains("what we know about alice's seating")
                    .as("DJL's GPU probe is quiet under Logback too").doesNotContain("Failed to detect GPU count");
        }
    }
}
