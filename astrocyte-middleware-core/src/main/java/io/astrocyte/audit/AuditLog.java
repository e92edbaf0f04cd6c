package io.astrocyte.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks a {@link HashChainedAuditLog} file. */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASH_FIELD = ",\"hash\":\"";

    private AuditLog() {
    }

    /**
     * What {@link #verify} found.
     *
     * @param intact          every complete line is in sequence, chained to the one before and unchanged
     * @param lines           complete lines read
     * @param firstBrokenLine the first line (1-based) that is changed, missing its predecessor or out of
     *                        sequence; 0 when intact
     * @param problem         what is wrong with it; {@code null} when intact
     * @param incompleteTail  the file ends in a half-written line (a crash while writing), which does not count
     *                        as tampering and is cut off when the log is next opened
     */
    public record Verification(boolean intact, long lines, long firstBrokenLine, String problem,
            boolean incompleteTail) {
    }

    /** Reads the whole file and reports the first line that breaks the chain. */
    public static Verification verify(Path file) {
        byte[] bytes;
        try {
            bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit log " + file, e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean incomplete = !text.isEmpty() && !text.endsWith("\n");
        String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
        int complete = lines.length - 1; // the piece after the last newline is empty or half written
        String prev = null;
        for (int i = 0; i < complete; i++) {
            String problem = check(lines[i], i + 1, prev);
            if (problem != null) {
                return new Verification(false, i, i + 1, problem, incomplete);
            }
            prev = hashOf(lines[i]);
        }
        return new Verification(true, complete, 0, null, incomplete);
    }

    private static String check(String line, long number, String prev) {
        int at = line.lastIndexOf(HASH_FIELD);
        if (at < 0 || !line.endsWith("\"}")) {
            return "not an audit line";
        }
        String body = line.substring(0, at);
        if (!sha256(body).equals(line.substring(at + HASH_FIELD.length(), line.length() - 2))) {
            return "changed: its hash does not match its content";
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return "not JSON";
        }
        if (node.path("seq").asLong() != number) {
            return "out of sequence: seq " + node.path("seq").asLong() + " where " + number + " belongs";
        }
        String linked = node.path("prev").isNull() ? null : node.path("prev").asText(null);
        if (prev == null ? linked != null : !prev.equals(linked)) {
            return "does not follow the line before it (a line is missing or was replaced)";
        }
        return null;
    }

    /** Where appending continues: the bytes of complete lines, their count and the last line's hash. */
    record Tail(long completeBytes, long lines, String lastHash) {
    }

    static Tail tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Tail(0, 0, null);
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end == 0) {
            return new Tail(0, 0, null);
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        return new Tail(end, lines.length, hashOf(lines[lines.length - 1]));
    }

    private static String hashOf(String line) {
        int at = line.lastIndexOf(HASH_FIELD);
        return at < 0 ? null : line.substring(at + HASH_FIELD.length(), line.length() - 2);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
