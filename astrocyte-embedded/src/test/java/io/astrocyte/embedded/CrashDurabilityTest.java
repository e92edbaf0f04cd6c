package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM with SIGKILL in the middle of a retain loop and proves that every retain it acknowledged
 * is in the store after reopening, and that the index is clean.
 */
class CrashDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRetainSurvivesKillDashNine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                RetainLoop.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY")) {
                    assertThat(line).isEqualTo("READY embedded");
                } else if (line.startsWith("ACK ")) {
                    acknowledged.add(line.split(" ")[1]);
                    if (acknowledged.size() == ACKS_BEFORE_KILL) {
                        // Process.destroyForcibly sends SIGKILL on Unix: no shutdown hooks, no close().
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(ACKS_BEFORE_KILL);
        assertThat(child.exitValue()).as("killed by signal 9").isEqualTo(137);

        try (FSDirectory index = FSDirectory.open(dir.resolve("index")); CheckIndex check = new CheckIndex(index)) {
            assertThat(check.checkIndex().clean).isTrue();
        }
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
            List<VectorItem> all = store.listVectors("crash-bank", 0, 1_000_000, VectorFilters.none());
            Set<String> stored = new HashSet<>();
            all.forEach(i -> stored.add(i.id()));
            assertThat(stored).containsAll(acknowledged);
        }
    }
}
