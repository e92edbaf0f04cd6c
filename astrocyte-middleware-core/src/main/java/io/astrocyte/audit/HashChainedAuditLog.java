package io.astrocyte.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.spi.AuditSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit trail as a tamper-evident JSONL file: each line carries its sequence number, the hash of the line
 * before it ({@code prev}) and its own hash (SHA-256 of everything on the line before {@code ,"hash":}), so
 * changing, removing or reordering a line breaks the chain at that line ({@link AuditLog#verify}).
 *
 * <p>Each line is written with one {@code write} call and reaches the operating system before {@link #record}
 * returns, so a killed process loses no recorded event; the file is forced to disk every
 * {@code syncEvery} lines and on close. A line left half written by a crash (or a power loss) is cut off when
 * the file is opened again, before anything is appended, and {@link AuditLog#verify} reads such a tail as
 * incomplete rather than as tampering. One process at a time writes a file.
 */
public final class HashChainedAuditLog implements AuditSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final int syncEvery;
    private long seq;
    private String prev;
    private int unsynced;

    private HashChainedAuditLog(Path file, int syncEvery) throws IOException {
        this.file = file;
        this.syncEvery = syncEvery;
        Files.createDirectories(file.toAbsolutePath().getParent());
        AuditLog.Tail tail = AuditLog.tail(file);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(tail.completeBytes()); // drop a half-written last line
        channel.position(tail.completeBytes());
        this.seq = tail.lines();
        this.prev = tail.lastHash();
    }

    /** Appends to {@code file} (created if missing), forcing it to disk every 64 lines and on close. */
    public static HashChainedAuditLog open(Path file) {
        return open(file, 64);
    }

    public static HashChainedAuditLog open(Path file, int syncEvery) {
        if (syncEvery <= 0) {
            throw new IllegalArgumentException("syncEvery must be positive");
        }
        try {
            return new HashChainedAuditLog(file, syncEvery);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open audit log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(AuditEvent event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq + 1);
        line.put("event_type", event.eventType());
        line.put("bank_id", event.bankId());
        line.put("actor", event.actor());
        line.put("timestamp", event.timestamp().toString());
        line.put("memory_ids", event.memoryIds());
        line.put("reason", event.reason());
        line.put("metadata", new java.util.TreeMap<>(event.metadata()));
        line.put("prev", prev);
        try {
            String json = JSON.writeValueAsString(line);
            String body = json.substring(0, json.length() - 1); // without the closing brace
            String hash = AuditLog.sha256(body);
            ByteBuffer bytes = ByteBuffer.wrap((body + ",\"hash\":\"" + hash + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            seq++;
            prev = hash;
            if (++unsynced >= syncEvery) {
                channel.force(false);
                unsynced = 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to audit log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close audit log " + file, e);
        }
    }
}
