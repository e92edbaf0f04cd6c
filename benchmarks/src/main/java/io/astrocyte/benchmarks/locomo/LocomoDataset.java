package io.astrocyte.benchmarks.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads any file in LoCoMo's JSON shape: a list of samples, each with {@code sample_id}, a
 * {@code conversation} of {@code session_N} turn lists and {@code session_N_date_time} stamps, and
 * {@code qa} items with {@code question}, {@code category} and {@code evidence} dialog ids.
 * Evidence ids are normalized as BENCHMARKS.md says: split on {@code ;} and whitespace,
 * {@code D:11:26} → {@code D11:26}, leading zeros of the turn number stripped, unknown ids dropped.
 */
public final class LocomoDataset {

    private static final Pattern SESSION = Pattern.compile("session_(\\d+)");
    private static final Pattern EVIDENCE = Pattern.compile("D:?(\\d+):0*(\\d+)");
    private static final DateTimeFormatter SESSION_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm a 'on' d MMMM, yyyy").toFormatter(Locale.ENGLISH);

    private LocomoDataset() {
    }

    /** One dialogue turn; {@code text} is what gets retained: {@code "<speaker>: <text>"} plus any image caption. */
    public record Turn(String diaId, int session, String speaker, String text, java.time.Instant occurredAt) {
    }

    /**
     * @param category 1 multi-hop, 2 temporal, 3 open-domain, 4 single-hop, 5 adversarial
     * @param evidence normalized dialog ids that exist in the conversation
     */
    public record Question(String text, int category, Set<String> evidence) {
    }

    public record Conversation(String sampleId, List<Turn> turns, List<Question> questions) {

        /**
         * When the questions were asked: the day after the last session (LoCoMo asks them once the conversation is
         * over), or {@code null} when no session is dated.
         */
        public java.time.Instant questionTime() {
            java.time.Instant last = null;
            for (Turn t : turns) {
                if (t.occurredAt() != null && (last == null || t.occurredAt().isAfter(last))) {
                    last = t.occurredAt();
                }
            }
            return last == null ? null : last.plus(java.time.Duration.ofDays(1));
        }
    }

    public static List<Conversation> load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!root.isArray()) {
            throw new IOException(file + ": expected a JSON list of LoCoMo samples");
        }
        List<Conversation> out = new ArrayList<>();
        for (JsonNode sample : root) {
            out.add(conversation(sample));
        }
        return out;
    }

    private static Conversation conversation(JsonNode sample) {
        String id = sample.path("sample_id").asText();
        JsonNode conv = sample.path("conversation");
        List<Turn> turns = new ArrayList<>();
        List<Integer> sessions = new ArrayList<>();
        for (Iterator<String> it = conv.fieldNames(); it.hasNext();) {
            Matcher m = SESSION.matcher(it.next());
            if (m.matches() && conv.path(m.group()).isArray()) {
                sessions.add(Integer.parseInt(m.group(1)));
            }
        }
        sessions.sort(null);
        for (int s : sessions) {
            java.time.Instant when = parseTime(conv.path("session_" + s + "_date_time").asText(null));
            for (JsonNode t : conv.path("session_" + s)) {
                String speaker = t.path("speaker").asText();
                StringBuilder text = new StringBuilder(speaker).append(": ").append(t.path("text").asText());
                if (t.hasNonNull("blip_caption")) {
                    text.append(" [shares ").append(t.path("blip_caption").asText()).append(']');
                }
                turns.add(new Turn(normalizeId(t.path("dia_id").asText()), s, speaker, text.toString(), when));
            }
        }
        Set<String> known = new java.util.HashSet<>();
        turns.forEach(t -> known.add(t.diaId()));
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : sample.path("qa")) {
            Set<String> evidence = new LinkedHashSet<>();
            for (JsonNode e : q.path("evidence")) {
                for (String part : e.asText().split("[;\\s]+")) {
                    String norm = normalizeId(part);
                    if (norm != null && known.contains(norm)) {
                        evidence.add(norm);
                    }
                }
            }
            questions.add(new Question(q.path("question").asText(), q.path("category").asInt(), evidence));
        }
        return new Conversation(id, turns, questions);
    }

    static String normalizeId(String raw) {
        Matcher m = EVIDENCE.matcher(raw.trim());
        return m.matches() ? "D" + Integer.parseInt(m.group(1)) + ":" + Integer.parseInt(m.group(2)) : null;
    }

    static java.time.Instant parseTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), SESSION_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
