package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a silent JVM death: ONNX Runtime 1.29.0 overflowed the main thread's stack while
 * creating its environment whenever the {@code java} command line carried a class path longer than
 * about 3,960 characters (exit 139, no hs_err file, nothing logged), which is every
 * {@code mvn spring-boot:run}, IDE and Gradle launch. The embedder runs in a child JVM started with a
 * class path of more than 16 KB on the command line; it must exit normally with a 384-d unit vector.
 */
class LongClasspathEmbedderTest {

    @Test
    void theDefaultEmbedderStartsUnderACommandLineClasspathOver16Kb() throws Exception {
        try (ChildJvm child = ChildJvm.main(EmbedOnce.class).jvmOptions("-Xmx512m")
                .classpathAtLeast(16 * 1024).start()) {
            int exit = child.awaitExit(Duration.ofMinutes(3));
            assertThat(child.classpathLength()).isGreaterThanOrEqualTo(16 * 1024);
            assertThat(exit).as("exit code (139 = SIGSEGV); output:%n%s", child.output()).isZero();
            assertThat(child.output()).contains("DIM 384 NORM 1.0")
                    .as("DJL's GPU probe is quiet on a CPU-only machine").doesNotContain("Failed to detect GPU count");
        }
    }
}
