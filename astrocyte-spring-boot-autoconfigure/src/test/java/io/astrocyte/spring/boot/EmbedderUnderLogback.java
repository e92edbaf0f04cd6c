package io.astrocyte.spring.boot;

import io.astrocyte.embedded.embedding.LocalEmbedder;
import java.util.List;

/** Child process for {@link GpuProbeLoggingTest}: the default embedder in a JVM whose SLF4J binding is Logback. */
public final class EmbedderUnderLogback {

    private EmbedderUnderLogback() {
    }

    public static void main(String[] args) {
        System.out.println("BINDING " + org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
        try (LocalEmbedder embedder = new LocalEmbedder(1)) {
            System.out.println("DIM " + embedder.embed(List.of("hello")).get(0).length);
        }
    }
}
