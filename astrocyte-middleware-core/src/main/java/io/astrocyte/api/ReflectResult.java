package io.astrocyte.api;

import java.util.List;

/**
 * @param confidence  0–1 when known (the best supporting hit's score), else {@code null}
 * @param sources     the memories the answer rests on, when {@code include_sources} was set
 * @param observations notes about how the answer was made (e.g. "extractive: no LLM configured")
 */
public record ReflectResult(
        String answer, Double confidence, List<MemoryHit> sources, List<String> observations, String authorityContext) {

    /** The fixed answer when recall finds nothing (SPEC §1.4). */
    public static final String NO_MEMORIES_ANSWER = "I don't have any relevant memories to answer this question.";

    /** The fixed answer when the store is unreachable and degraded mode applies (SPEC §1.4). */
    public static final String UNAVAILABLE_ANSWER = "Memory unavailable";

    public ReflectResult {
        sources = sources == null ? null : List.copyOf(sources);
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
