package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.testing.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM with SIGKILL while four threads retain and forget through the facade, at a random moment,
 * five times on the same data folder. After each kill the index must pass Lucene's CheckIndex, every
 * acknowledged retain (of every round so far) must be in the store, and every acknowledged forget must
 * still be forgotten. A forget that was under way at the kill may have happened or not: it counts neither way.
 */
class CrashDurabilityTest {

    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesAndForgetsSurviveRepeatedKillDashNine() throws Exception {
        long seed = System.nanoTime(); // a different kill point every run; printed so a failure can be replayed
        Random random = new Random(seed);
        Set<String> acknowledged = new HashSet<>();
        Set<String> forgotten = new HashSet<>();
        Set<String> inDoubt = new HashSet<>();
        StringBuilder report = new StringBuilder("kill points drawn with seed " + seed + "\n\n| round | killed after acks | acknowledged retains (all rounds) "
                + "| acknowledged forgets | forgets in doubt | live memories | CheckIndex | lost |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfter = 100 + random.nextInt(400);
            int seen = 0;
            try (ChildJvm child = ChildJvm.main(WriteLoad.class).args(dir.toString(), "r" + round)
                    .jvmOptions("-Xmx256m").start()) {
                for (String line = child.nextLine(Duration.ofSeconds(60)); line != null;
                        line = child.nextLine(Duration.ofSeconds(60))) {
                    String[] parts = line.split(" ");
                    switch (parts[0]) {
                        case "ACK" -> {
                            acknowledged.add(parts[1]);
                            seen++;
                        }
                        case "FORGETTING" -> inDoubt.add(parts[1]);
                        case "FORGOT" -> {
                            inDoubt.remove(parts[1]);
                            forgotten.add(parts[1]);
                        }
                        default -> { }
                    }
                    if (seen >= killAfter) {
                        child.kill(); // SIGKILL on Unix: no shutdown hooks, no close()
                        break;
                    }
                }
                assertThat(child.awaitExit(Duration.ofSeconds(60))).as("killed by signal 9; output:%n%s",
                        child.output()).isEqualTo(137);
            }
            assertThat(seen).as("round %d reached its kill point", round).isEqualTo(killAfter);

            try (FSDirectory index = FSDirectory.open(dir.resolve("index")); CheckIndex check = new CheckIndex(index)) {
                assertThat(check.checkIndex().clean).as("index clean after round %d", round).isTrue();
            }
            Set<String> live = new HashSet<>();
            try (LuceneVectorStore store = LuceneVectorStore.open(dir, 64, "hashing-64")) {
                for (VectorItem i : store.listVectors(WriteLoad.BANK, null, 1_000_000, VectorFilters.none())) {
                    live.add(i.id());
                }
            }
            Set<String> mustBeThere = new HashSet<>(acknowledged);
            mustBeThere.removeAll(forgotten);
            mustBeThere.removeAll(inDoubt);
            long lost = mustBeThere.stream().filter(id -> !live.contains(id)).count()
                    + forgotten.stream().filter(live::contains).count();
            report.append(String.format("| %d | %d | %d | %d | %d | %d | clean | %d |%n", round, killAfter,
                    acknowledged.size(), forgotten.size(), inDoubt.size(), live.size(), lost));
            assertThat(live).as("round %d (seed %d): every acknowledged retain present", round, seed)
                    .containsAll(mustBeThere);
            assertThat(live).as("round %d (seed %d): every acknowledged forget still forgotten", round, seed)
                    .doesNotContainAnyElementsOf(forgotten);
        }
        assertThat(forgotten).as("the load forgot as well as retained").isNotEmpty();
        System.out.print(report);
        java.nio.file.Files.writeString(Path.of("target", "crash-durability.md"), report);
    }
}
