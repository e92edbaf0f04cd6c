package io.astrocyte.benchmarks.soak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every acknowledged retain and forget of a soak, appended to a file rather than kept on the heap, so the
 * heap the soak reports is the library's and not a growing record of the harness's own.
 */
final class Ledger implements AutoCloseable {

    /** What the ledger says should be in the store: live ids by bank, and ids that must stay forgotten. */
    record Expected(Map<String, Set<String>> liveByBank, Set<String> forgotten) {
    }

    private final Path file;
    private final BufferedWriter out;
    private final AtomicLong retains = new AtomicLong();
    private final AtomicLong forgets = new AtomicLong();

    Ledger(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void retained(String id, String bank) {
        write("R " + id + " " + bank + "\n");
        retains.incrementAndGet();
    }

    void forgotten(String id, String bank) {
        write("F " + id + " " + bank + "\n");
        forgets.incrementAndGet();
    }

    long retains() {
        return retains.get();
    }

    long forgets() {
        return forgets.get();
    }

    private synchronized void write(String line) {
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the whole ledger back (after the run, when its size no longer matters). */
    synchronized Expected expected() {
        Map<String, Set<String>> live = new HashMap<>();
        Set<String> forgotten = new HashSet<>();
        try {
            out.flush();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] p = line.split(" ");
                    if (p[0].equals("R")) {
                        live.computeIfAbsent(p[2], b -> new HashSet<>()).add(p[1]);
                    } else {
                        live.getOrDefault(p[2], new HashSet<>()).remove(p[1]);
                        forgotten.add(p[1]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Expected(live, forgotten);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
