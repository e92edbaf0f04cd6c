package io.astrocyte.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashChainedAuditLogTest {

    @TempDir
    Path dir;

    private static AuditEvent event(int i) {
        return new AuditEvent("memory.recalled", "user-alice", "user:alice",
                Instant.parse("2026-05-01T10:00:00Z").plusSeconds(i), List.of("m" + i), null, Map.of("hits", i));
    }

    private Path write(int n) {
        Path file = dir.resolve("audit.jsonl");
        try (HashChainedAuditLog log = HashChainedAuditLog.open(file)) {
            for (int i = 1; i <= n; i++) {
                log.record(event(i));
            }
        }
        return file;
    }

    @Test
    void anUntouchedLogVerifiesAndAppendingContinuesTheChain() {
        Path file = write(3);
        assertThat(AuditLog.verify(file)).isEqualTo(new AuditLog.Verification(true, 3, 0, null, false));
        try (HashChainedAuditLog log = HashChainedAuditLog.open(file)) {
            log.record(event(4));
        }
        assertThat(AuditLog.verify(file).lines()).isEqualTo(4);
        assertThat(AuditLog.verify(file).intact()).isTrue();
    }

    @Test
    void editingOneByteOfALineNamesThatLine() throws Exception {
        Path file = write(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"hits\":3", "\"hits\":4"));
        Files.write(file, lines);
        AuditLog.Verification v = AuditLog.verify(file);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenLine()).isEqualTo(3);
        assertThat(v.problem()).contains("changed");
    }

    @Test
    void aRemovedOrReorderedLineIsFoundWhereTheChainBreaks() throws Exception {
        Path file = write(5);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        List<String> removed = new ArrayList<>(lines);
        removed.remove(1);
        Files.write(file, removed);
        assertThat(AuditLog.verify(file).firstBrokenLine()).isEqualTo(2);

        List<String> swapped = new ArrayList<>(lines);
        swapped.set(3, lines.get(4));
        swapped.set(4, lines.get(3));
        Files.write(file, swapped);
        assertThat(AuditLog.verify(file).firstBrokenLine()).isEqualTo(4);
    }

    @Test
    void aHalfWrittenLastLineIsNoTamperingAndIsCutOffOnReopen() throws Exception {
        Path file = write(3);
        String third = Files.readAllLines(file).get(2);
        Files.writeString(file, third.substring(0, 40), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        AuditLog.Verification torn = AuditLog.verify(file);
        assertThat(torn.intact()).isTrue();
        assertThat(torn.lines()).isEqualTo(3);
        assertThat(torn.incompleteTail()).isTrue();
        try (HashChainedAuditLog log = HashChainedAuditLog.open(file)) {
            log.record(event(4));
        }
        assertThat(AuditLog.verify(file)).isEqualTo(new AuditLog.Verification(true, 4, 0, null, false));
    }

    @Test
    void aLogKilledWhileWritingTenThousandEventsStillVerifies() throws Exception {
        Path file = dir.resolve("killed.jsonl");
        int written = 0;
        try (ChildJvm child = ChildJvm.main(AuditWriteLoad.class).args(file.toString(), "10000")
                .jvmOptions("-Xmx128m").start()) {
            for (String line = child.nextLine(Duration.ofSeconds(60)); line != null;
                    line = child.nextLine(Duration.ofSeconds(60))) {
                if (line.startsWith("WROTE ")) {
                    written = Integer.parseInt(line.substring(6));
                    if (written >= 5000) {
                        child.kill(); // SIGKILL: no close(), no final sync
                        break;
                    }
                }
            }
            assertThat(child.awaitExit(Duration.ofSeconds(60))).as("output:%n%s", child.output()).isEqualTo(137);
        }
        AuditLog.Verification v = AuditLog.verify(file);
        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.lines()).as("every event recorded before the kill is there").isGreaterThanOrEqualTo(written);
        try (HashChainedAuditLog log = HashChainedAuditLog.open(file)) {
            log.record(event(1));
        }
        assertThat(AuditLog.verify(file).intact()).isTrue();
    }
}
