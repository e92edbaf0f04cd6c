package io.astrocyte.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real server on a random loopback port for tests: the feature-hashing embedder, a data folder of the test's
 * own, and whatever else the test sets. Close it to stop the server.
 */
final class TestServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final String base;

    TestServer(Path dataDir, String... properties) {
        this(dataDir, java.util.Map.of(), properties);
    }

    /** With beans of the test's own registered before the server starts (by name). */
    TestServer(Path dataDir, java.util.Map<String, Object> beans, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "astrocyte.data-dir=" + dataDir,
                "astrocyte.embedding-provider=hashing"));
        all.addAll(List.of(properties));
        // as command-line arguments, which outrank the server's application.properties (port 8080 among them)
        context = new SpringApplicationBuilder(AstrocyteServer.class)
                .initializers(c -> beans.forEach((name, bean) -> c.getBeanFactory().registerSingleton(name, bean)))
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** An API key setting pair for {@code memory-server.api-keys[index]}. */
    static String[] key(int index, String key, String principal) {
        return new String[] {"memory-server.api-keys[" + index + "].sha256=" + ApiKeys.sha256(key),
            "memory-server.api-keys[" + index + "].principal=" + principal};
    }

    @Override
    public void close() {
        context.close();
    }
}
