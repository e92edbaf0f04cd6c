package io.astrocyte.spring.boot;

import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.spi.Embedder;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's auto-configuration in a context runner, with the hashing embedder (a test double) and a data folder. */
final class StarterContexts {

    private StarterContexts() {
    }

    static ApplicationContextRunner withHashingEmbedder(Path dataDir) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AstrocyteAutoConfiguration.class))
                .withBean(Embedder.class, () -> new HashingEmbedder(64))
                .withPropertyValues("astrocyte.data-dir=" + dataDir);
    }
}
