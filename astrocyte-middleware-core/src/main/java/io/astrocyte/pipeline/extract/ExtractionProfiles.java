package io.astrocyte.pipeline.extract;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.config.ExtractionProfileConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The extraction profiles a retain may name (SPEC §5.1): the two built-ins, replaced by configured profiles of the
 * same name, plus every configured one.
 */
public final class ExtractionProfiles {

    /** Plain text: sentence chunks. */
    public static final String BUILTIN_TEXT = "builtin_text";
    /** A conversation: one chunk per turn ({@code speaker: text}). */
    public static final String BUILTIN_CONVERSATION = "builtin_conversation";

    private final Map<String, ExtractionProfileConfig> profiles;

    public ExtractionProfiles(Map<String, ExtractionProfileConfig> configured) {
        Map<String, ExtractionProfileConfig> all = new LinkedHashMap<>();
        all.put(BUILTIN_TEXT, ExtractionProfileConfig.chunking("text", "sentence"));
        all.put(BUILTIN_CONVERSATION, ExtractionProfileConfig.chunking("conversation", "dialogue"));
        all.putAll(configured); // the user's profile wins over a built-in of the same name
        this.profiles = Map.copyOf(all);
    }

    /**
     * @param name the retain's {@code extraction_profile}, or {@code null}
     * @return the profile, or {@code null} when the retain names none
     * @throws InvalidRequestException when no profile has that name
     */
    public ExtractionProfileConfig resolve(String name) {
        if (name == null) {
            return null;
        }
        ExtractionProfileConfig p = profiles.get(name);
        if (p == null) {
            throw new InvalidRequestException("extraction_profile", "unknown profile '" + name + "' (known: "
                    + String.join(", ", new TreeSet<>(profiles.keySet())) + ")");
        }
        return p;
    }

    /** The names of the profiles that ask an LLM for facts, sorted; empty when none does. */
    public java.util.List<String> extractingFacts() {
        return profiles.entrySet().stream().filter(e -> e.getValue().extractsFacts()).map(Map.Entry::getKey).sorted()
                .toList();
    }
}
