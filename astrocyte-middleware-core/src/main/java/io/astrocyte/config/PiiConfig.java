package io.astrocyte.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.astrocyte.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code barriers.pii} (SPEC §3.2): find personal data in retained content before it is stored.
 *
 * @param mode          {@code regex} (default), {@code rules_then_llm} (regex, then the LLM when regex finds
 *                      nothing), {@code llm} (regex and the LLM), {@code ner} (no NER model ships; regex), or
 *                      {@code disabled}. LLM modes fall back to regex, with a warning, when no LLM is configured.
 * @param action        what a match does: {@code redact} (default), {@code reject} or {@code warn}
 * @param countries     country packs: SG, IN, US, UK (or GB), DE, FR, IT, ES, AU, CA, JP, CN
 * @param patterns      custom patterns, each a type of its own
 * @param typeOverrides per-type action and replacement, e.g. {@code credit_card: {action: reject}}
 */
public record PiiConfig(Mode mode, Action action, List<String> countries, List<CustomPattern> patterns,
        Map<String, TypeOverride> typeOverrides) {

    public enum Mode {
        @JsonProperty("regex") REGEX,
        @JsonProperty("ner") NER,
        @JsonProperty("llm") LLM,
        @JsonProperty("rules_then_llm") RULES_THEN_LLM,
        @JsonProperty("disabled") DISABLED
    }

    public enum Action {
        @JsonProperty("redact") REDACT,
        @JsonProperty("reject") REJECT,
        @JsonProperty("warn") WARN
    }

    /** {@code barriers.pii.patterns[]}: a named regex and what a redaction writes (default {@code [NAME_REDACTED]}). */
    public record CustomPattern(String name, String pattern, String replacement) {

        public CustomPattern {
            if (name == null || name.isBlank()) {
                throw new ConfigException("barriers.pii.patterns[].name: is required");
            }
            if (pattern == null || pattern.isBlank()) {
                throw new ConfigException("barriers.pii.patterns[" + name + "].pattern: is required");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new ConfigException("barriers.pii.patterns[" + name + "].pattern: not a valid regex: "
                        + e.getDescription(), e);
            }
        }
    }

    /** {@code barriers.pii.type_overrides.<type>}: either field may be left out. */
    public record TypeOverride(Action action, String replacement) {
    }

    public static final PiiConfig DEFAULT = new PiiConfig(null, null, null, null, null);

    /**
     * Type names of the upstream Python project, accepted in {@code type_overrides} so a configuration
     * carried over keeps its meaning: each maps to the name this implementation reports.
     */
    public static final Map<String, String> TYPE_ALIASES = Map.of(
            "nric", "sg_nric",
            "pan", "in_pan",
            "aadhaar", "in_aadhaar",
            "it_codice_fiscale", "it_fiscal_code",
            "de_personalausweis", "de_id_card",
            "fr_insee", "fr_nir");

    public PiiConfig {
        mode = mode == null ? Mode.REGEX : mode;
        action = action == null ? Action.REDACT : action;
        countries = countries == null ? List.of() : List.copyOf(countries);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        typeOverrides = typeOverrides == null ? Map.of() : canonical(typeOverrides);
    }

    private static Map<String, TypeOverride> canonical(Map<String, TypeOverride> overrides) {
        Map<String, TypeOverride> out = new java.util.HashMap<>();
        overrides.forEach((type, o) -> {
            String name = TYPE_ALIASES.getOrDefault(type, type);
            if (out.put(name, o) != null) {
                throw new ConfigException("barriers.pii.type_overrides: '" + type + "' and '" + name
                        + "' name the same type; keep one");
            }
        });
        return Map.copyOf(out);
    }
}
