package io.astrocyte.pipeline.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Asks an LLM to split content into standalone facts (SPEC §5.1, structured fact extraction): {@code verbatim} keeps
 * the content's own words, {@code concise} restates each fact briefly. Either way each fact must make sense alone
 * (names instead of pronouns, dates instead of "yesterday" when the content's date is known), which is what lets
 * recall find a fact the original sentence only implied.
 *
 * <p>The answer must be a JSON list of strings (objects with a {@code fact} or {@code text} field are read too, and a
 * code fence around it is tolerated). A failing LLM or an answer that is not such a list yields no facts and a reason,
 * never an exception: the content is stored either way.
 */
public final class FactExtractor {

    /** Content beyond this many characters is not shown to the LLM (its facts come from the beginning). */
    public static final int MAX_INPUT_CHARS = 8_000;
    /** A longer "fact" is not a fact; it is dropped. */
    public static final int MAX_FACT_CHARS = 600;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final LlmProvider llm;

    public FactExtractor(LlmProvider llm) {
        this.llm = Objects.requireNonNull(llm, "llm");
    }

    /** The facts drawn, or none and why. */
    public record Outcome(List<String> facts, String error) {

        public Outcome {
            facts = List.copyOf(facts);
        }

        static Outcome failed(String why) {
            return new Outcome(List.of(), why);
        }
    }

    /**
     * @param mode       {@code verbatim} or {@code concise}
     * @param maxFacts   the most facts kept, in the LLM's order
     * @param occurredAt when the content happened or was said, or {@code null}
     */
    public Outcome extract(String content, String mode, int maxFacts, Instant occurredAt) {
        String shown = content.length() <= MAX_INPUT_CHARS ? content : content.substring(0, MAX_INPUT_CHARS);
        String answer;
        try {
            answer = llm.complete(new CompletionRequest(List.of(Message.system(instructions(mode, maxFacts)),
                    Message.user(user(shown, occurredAt))), null, 1024, 0.0)).text();
        } catch (RuntimeException e) {
            return Outcome.failed("fact extraction failed: " + llm.name() + ": " + e.getMessage());
        }
        return parse(answer, maxFacts);
    }

    static String instructions(String mode, int maxFacts) {
        String style = "verbatim".equals(mode)
                ? "Keep the text's own words as far as possible; only replace pronouns and relative dates."
                : "Restate each fact briefly and plainly, in one short sentence.";
        return "You turn a memory into separate facts for a search index. List every fact worth remembering (who, "
                + "what, where, when, preferences, plans, decisions), at most " + maxFacts + ". Each fact must be "
                + "understandable on its own: use names instead of pronouns, and when the memory's date is given, "
                + "write absolute dates instead of words like yesterday or last week. " + style + " Do not add "
                + "anything the memory does not say. Answer with a JSON list of strings and nothing else; answer [] "
                + "when there is nothing worth keeping.";
    }

    private static String user(String content, Instant occurredAt) {
        return (occurredAt == null ? "" : "<date>" + DAY.format(occurredAt) + "</date>\n") + "<memory>\n" + content
                + "\n</memory>";
    }

    /** The facts in an LLM answer: trimmed, blank and overlong ones dropped, repeats removed, at most {@code max}. */
    static Outcome parse(String answer, int max) {
        if (answer == null) {
            return Outcome.failed("fact extraction: the LLM gave no answer");
        }
        int open = answer.indexOf('[');
        int close = answer.lastIndexOf(']');
        if (open < 0 || close < open) {
            return Outcome.failed("fact extraction: the LLM's answer is not a JSON list");
        }
        JsonNode list;
        try {
            list = JSON.readTree(answer.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            return Outcome.failed("fact extraction: the LLM's answer is not a JSON list");
        }
        Set<String> facts = new LinkedHashSet<>();
        for (JsonNode item : list) {
            JsonNode text = item.isObject() ? (item.has("fact") ? item.get("fact") : item.get("text")) : item;
            if (text == null || !text.isTextual()) {
                continue;
            }
            String fact = text.asText().strip();
            if (!fact.isEmpty() && fact.length() <= MAX_FACT_CHARS) {
                facts.add(fact);
            }
            if (facts.size() == max) {
                break;
            }
        }
        if (facts.isEmpty()) {
            return new Outcome(List.of(), list.isEmpty() ? null : "fact extraction: no usable fact in the LLM's "
                    + "answer");
        }
        return new Outcome(new ArrayList<>(facts), null);
    }
}
