package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code samples/memory-server/tour.sh}, the README's curl calls, against a real server, so the sample shows
 * calls that work: every route answers 2xx (the script stops at the first that does not) and the memory comes back.
 */
class SampleTourTest {

    @TempDir
    Path dir;

    @Test
    void theTourOfEveryVerbRunsAgainstARealServer() throws Exception {
        Path script = Path.of("../samples/memory-server/tour.sh").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isExecutable(script), "the sample script is not at " + script);
        Path exports = Files.createDirectories(dir.resolve("exports"));
        String[] alice = TestServer.key(0, "tour-key", "user:alice");
        try (TestServer server = new TestServer(dir.resolve("data"), alice[0], alice[1],
                "memory-server.admin-token-sha256=" + ApiKeys.sha256("tour-admin"),
                "memory-server.portability-roots[0]=" + exports)) {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
            pb.environment().put("BASE", server.base);
            pb.environment().put("KEY", "tour-key");
            pb.environment().put("ADMIN_TOKEN", "tour-admin");
            pb.environment().put("EXPORT_DIR", exports.toString());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                Assumptions.abort("bash is not available: " + e.getMessage());
                return;
            }
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Assumptions.assumeFalse(out.contains("curl: command not found"), "curl is not installed");
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("blue folder").contains("\"exported_count\":2").contains("\"imported\":0,\"skipped\":2")
                    .contains("\"under_hold\":true")
                    .contains("\"deleted_count\":1").contains("GET /openapi.json ok");
        }
    }
}
