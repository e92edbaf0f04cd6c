package io.astrocyte.config;

import io.astrocyte.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code extraction_profiles} (SPEC §5.1): how a retain that names this profile
 * ({@code extraction_profile}) is prepared. Every key is optional; what a profile leaves out comes from the request
 * and {@code pipeline.chunker}. Two profiles are built in, {@code builtin_text} and {@code builtin_conversation};
 * a profile of the same name here replaces them.
 *
 * @param contentType      {@code text}, {@code conversation}, {@code transcript}, {@code document}, {@code email} or
 *                         {@code event}: replaces the request's content type for normalization and chunking
 * @param chunkingStrategy {@code sentence}, {@code paragraph}, {@code dialogue} or {@code fixed}
 * @param chunkSize        characters per chunk (the overlap shrinks to a quarter of it when larger)
 * @param factType         the fact type stamped on what is stored (replaces the request's)
 * @param authorityTier    stamped as metadata {@code authority_tier} unless the request's metadata has one (SPEC
 *                         §5.4 recall authority groups hits by it)
 * @param metadataMapping  for JSON content: {@code $.path.to.field → metadata key}; the request's own metadata wins
 *                         over a mapped value of the same key
 * @param factExtraction   {@code off} (default), {@code verbatim} or {@code concise}: with an LLM, the content is also
 *                         split into standalone facts, each stored as its own memory linked to its source (metadata
 *                         {@code _extracted_from}), carrying the source's tags, time and fact type; forgetting the
 *                         source forgets its facts. Needs an LLM: a profile that asks for it without one is refused
 *                         when Astrocyte is built
 * @param maxFacts         the most facts one retain may yield (1-30, default 30)
 * @param entityExtraction only {@code false} so far: entities need a graph store, which is not built yet
 * @param tagRules         not supported yet; refused when given
 */
public record ExtractionProfileConfig(
        String contentType,
        String chunkingStrategy,
        Integer chunkSize,
        String factType,
        String authorityTier,
        Map<String, String> metadataMapping,
        String factExtraction,
        Integer maxFacts,
        Object entityExtraction,
        Object tagRules) {

    /** The SPEC's cap on facts per retain. */
    public static final int MAX_FACTS = 30;
    private static final Set<String> FACT_EXTRACTION = Set.of("off", "verbatim", "concise");
    private static final Set<String> CHUNKERS = Set.of("sentence", "paragraph", "dialogue", "fixed");
    private static final Set<String> CONTENT_TYPES = Set.of("text", "conversation", "transcript", "document", "email",
            "event");

    public ExtractionProfileConfig {
        metadataMapping = metadataMapping == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadataMapping));
        factExtraction = factExtraction == null ? "off" : factExtraction.toLowerCase(Locale.ROOT);
        maxFacts = maxFacts == null ? MAX_FACTS : maxFacts;
    }

    /** A profile that only sets content type and chunking (the built-ins). */
    public static ExtractionProfileConfig chunking(String contentType, String chunkingStrategy) {
        return new ExtractionProfileConfig(contentType, chunkingStrategy, null, null, null, null, null, null, null,
                null);
    }

    /** Whether this profile asks the LLM for facts. */
    public boolean extractsFacts() {
        return !"off".equals(factExtraction);
    }

    /** Checks every key, naming it as {@code extraction_profiles.<name>.<key>}. */
    void validate(String name) {
        String at = "extraction_profiles." + name + ".";
        if (name == null || name.isBlank()) {
            throw new ConfigException("extraction_profiles: a profile needs a name");
        }
        if (contentType != null && !CONTENT_TYPES.contains(contentType)) {
            throw new ConfigException(at + "content_type: unknown content type '" + contentType + "' " + CONTENT_TYPES);
        }
        if (chunkingStrategy != null && !CHUNKERS.contains(chunkingStrategy)) {
            throw new ConfigException(at + "chunking_strategy: unknown chunker '" + chunkingStrategy + "' " + CHUNKERS);
        }
        ConfigChecks.positiveOrNull(at + "chunk_size", chunkSize);
        if (factType != null && factType.isBlank()) {
            throw new ConfigException(at + "fact_type: must not be blank");
        }
        if (!FACT_EXTRACTION.contains(factExtraction)) {
            throw new ConfigException(at + "fact_extraction: one of off, verbatim, concise, got '" + factExtraction
                    + "'");
        }
        if (maxFacts < 1 || maxFacts > MAX_FACTS) {
            throw new ConfigException(at + "max_facts: must be in [1, " + MAX_FACTS + "], got " + maxFacts);
        }
        metadataMapping.forEach((path, key) -> {
            if (path == null || !path.startsWith("$.") || path.length() < 3 || path.endsWith(".")
                    || path.contains("..")) {
                throw new ConfigException(at + "metadata_mapping: a path is $.field or $.field.inner, got '" + path
                        + "'");
            }
            if (key == null || key.isBlank() || key.startsWith("_")) {
                throw new ConfigException(at + "metadata_mapping." + path + ": a metadata key, not blank and not "
                        + "starting with '_' (reserved), got '" + key + "'");
            }
        });
        if (entityExtraction != null && !Boolean.FALSE.equals(entityExtraction)
                && !"false".equals(String.valueOf(entityExtraction))) {
            throw new ConfigException(at + "entity_extraction: only false is supported (entities need a graph store, "
                    + "which Astrocyte for Java does not have yet)");
        }
        if (tagRules != null) {
            throw new ConfigException(at + "tag_rules: not supported yet; tag the retain request instead");
        }
    }
}
