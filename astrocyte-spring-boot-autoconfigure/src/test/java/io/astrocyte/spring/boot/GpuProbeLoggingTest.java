package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On a machine with a CUDA runtime but no driver (such as this project's), DJL warned "Failed to detect
 * GPU count" twice whenever the default embedder started. A fresh JVM is needed to see it: DJL probes once
 * per process. This runs the embedder under Logback, the binding of Spring Boot apps.
 */
class GpuProbeLoggingTest {

    @Test
    void theEmbedderStartsWithoutTheGpuProbeWarningUnderLogback() throws Exception {
        try (ChildJvm child = ChildJvm.main(EmbedderUnderLogback.class).jvmOptions("-Xmx512m").start()) {
            assertThat(child.awaitExit(Duration.ofMinutes(2))).as(child.output()).isZero();
            assertThat(child.output()).contains("BINDING ch.qos.logback.classic.LoggerContext").contains("DIM 384")
                    .doesNotContain("Failed to detect GPU count");
        }
    }
}
