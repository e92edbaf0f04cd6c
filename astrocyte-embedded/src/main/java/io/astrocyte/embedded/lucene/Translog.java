package io.astrocyte.embedded.lucene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The write-ahead log that makes writes durable between Lucene commits. Every mutation is appended as
 * one line {@code <crc32-hex> <json>} and fsynced (shared among concurrent writers) before the write is
 * acknowledged. A commit rolls to a new generation file and deletes the generations it covers. On open,
 * the remaining generations are replayed in order; a torn last line (a crash mid-append, never
 * acknowledged) ends its file's replay. Replaying a record twice is harmless: upserts, forgets and
 * purges are idempotent.
 */
final class Translog implements AutoCloseable {

    private static final Pattern FILE = Pattern.compile("translog-(\\d{12})\\.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private long generation;
    private FileChannel channel;
    private long appended;
    private long synced;
    private long bytesInGeneration;
    private final Object syncLock = new Object();

    Translog(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        List<Long> gens = generations();
        this.generation = gens.isEmpty() ? 1 : gens.get(gens.size() - 1) + 1;
        this.channel = open(generation);
    }

    /** Records of every generation older than the one this instance writes, oldest first. */
    List<JsonNode> readExisting() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (long gen : generations()) {
            if (gen >= generation) {
                continue;
            }
            try (BufferedReader r = Files.newBufferedReader(file(gen), StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JsonNode record = parse(line);
                    if (record == null) {
                        break; // torn tail: the rest was never acknowledged
                    }
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** Appends a record; returns the position to pass to {@link #sync(long)}. */
    synchronized long append(ObjectNode record) throws IOException {
        byte[] json = JSON.writeValueAsBytes(record);
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] head = String.format("%08x ", crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(head.length + json.length + 1);
        buf.put(head).put(json).put((byte) '\n').flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        int n = head.length + json.length + 1;
        appended += n;
        bytesInGeneration += n;
        return appended;
    }

    /** Returns once everything appended up to {@code position} is on disk; one fsync serves many writers. */
    void sync(long position) throws IOException {
        synchronized (syncLock) {
            if (synced >= position) {
                return;
            }
            long target;
            FileChannel current;
            synchronized (this) {
                target = appended;
                current = channel;
            }
            current.force(false);
            synced = Math.max(synced, target);
        }
    }

    /**
     * Syncs and closes the current generation and starts a new one; returns the closed generation. The
     * caller must make sure no append is in flight.
     */
    long roll() throws IOException {
        synchronized (syncLock) {
            synchronized (this) {
                channel.force(false);
                synced = appended;
                channel.close();
                long closed = generation;
                generation++;
                channel = open(generation);
                bytesInGeneration = 0;
                return closed;
            }
        }
    }

    synchronized boolean isEmpty() {
        return bytesInGeneration == 0;
    }

    synchronized long bytesInGeneration() {
        return bytesInGeneration;
    }

    /** Deletes the generations {@link #readExisting()} returned, once a commit holds them. */
    void deleteReplayed() throws IOException {
        long current;
        synchronized (this) {
            current = generation;
        }
        deleteUpTo(current - 1);
    }

    /** Deletes generations up to and including {@code gen}: a commit now holds what they recorded. */
    void deleteUpTo(long gen) throws IOException {
        for (long g : generations()) {
            if (g <= gen) {
                Files.deleteIfExists(file(g));
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private FileChannel open(long gen) throws IOException {
        return FileChannel.open(file(gen), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private Path file(long gen) {
        return dir.resolve(String.format("translog-%012d.log", gen));
    }

    private List<Long> generations() throws IOException {
        List<Long> gens = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    gens.add(Long.parseLong(m.group(1)));
                }
            });
        }
        gens.sort(null);
        return gens;
    }

    private static JsonNode parse(String line) {
        if (line.length() < 10 || line.charAt(8) != ' ') {
            return null;
        }
        byte[] json = line.substring(9).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        if (!String.format("%08x", crc.getValue()).equals(line.substring(0, 8))) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
