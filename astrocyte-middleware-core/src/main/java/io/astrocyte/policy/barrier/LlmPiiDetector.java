package io.astrocyte.policy.barrier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks an LLM for personal data that patterns miss (names, addresses, medical details) and locates each
 * reported snippet in the text. The model answers with a JSON array of {@code {"type", "text"}}; anything
 * else, or a failing call, yields no matches (the regex findings still apply), and the caller logs it.
 */
final class LlmPiiDetector {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The types the model is asked to report. */
    static final java.util.List<String> TYPES = java.util.List.of("name", "address", "email", "phone",
            "medical_record", "national_id", "financial_account", "date_of_birth", "other");
    private static final String INSTRUCTIONS = "You find personal data in text. Reply with only a JSON array, "
            + "one object per item: {\"type\": one of " + String.join(", ", TYPES) + "; \"text\": the exact "
            + "characters as they appear}. Reply [] when there is none.";

    private final LlmProvider llm;

    LlmPiiDetector(LlmProvider llm) {
        this.llm = llm;
    }

    List<PiiMatch> detect(String text) {
        String reply = llm.complete(new CompletionRequest(List.of(Message.system(INSTRUCTIONS), Message.user(text)),
                null, 512, 0.0)).text();
        JsonNode items;
        try {
            items = JSON.readTree(stripFences(reply));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the LLM did not answer with JSON");
        }
        List<PiiMatch> out = new ArrayList<>();
        if (items == null || !items.isArray()) {
            throw new IllegalStateException("the LLM did not answer with a JSON array");
        }
        for (JsonNode item : items) {
            String snippet = item.path("text").asText("");
            String type = item.path("type").asText("other").toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", "");
            if (snippet.isBlank()) {
                continue;
            }
            for (int at = text.indexOf(snippet); at >= 0; at = text.indexOf(snippet, at + snippet.length())) {
                out.add(new PiiMatch(type.isEmpty() ? "other" : type, at, at + snippet.length(),
                        "[" + (type.isEmpty() ? "OTHER" : type.toUpperCase(Locale.ROOT)) + "_REDACTED]"));
            }
        }
        return out;
    }

    private static String stripFences(String reply) {
        String r = reply == null ? "" : reply.strip();
        if (r.startsWith("```")) {
            r = r.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return r;
    }
}
