package io.astrocyte.api;

import java.util.List;

/**
 * Where the Memory Intent Protocol sent a retain and why (SPEC §6.2). {@code bankId}, {@code tags} and
 * {@code retainPolicy} are {@code null} when MIP left the caller's choice alone (passthrough).
 *
 * @param resolvedBy        {@code MECHANICAL} (a rule), {@code INTENT} (the LLM intent layer) or
 *                          {@code PASSTHROUGH} (nothing decided)
 * @param ruleName          the winning rule, for mechanical decisions
 * @param confidence        the rule's (or the model's) confidence, 0..1
 * @param reasoning         why, in words: the rule, the escalation, or the model's reason
 * @param observabilityTags the winning rule's {@code observability_tags}
 * @param shadowMatches     shadow rules that matched (logged only, never applied)
 * @param pipeline          the winning rule's pipeline (chunker, dedup, …), or {@code null}
 * @param forget            the winning rule's forget spec, or {@code null}
 */
public record RoutingDecision(String bankId, List<String> tags, String retainPolicy, ResolvedBy resolvedBy,
        String ruleName, double confidence, String reasoning, List<String> observabilityTags,
        List<String> shadowMatches, io.astrocyte.routing.PipelineSpec pipeline, io.astrocyte.routing.ForgetSpec forget) {

    public enum ResolvedBy { MECHANICAL, INTENT, PASSTHROUGH }

    public RoutingDecision {
        tags = tags == null ? null : List.copyOf(tags);
        observabilityTags = observabilityTags == null ? List.of() : List.copyOf(observabilityTags);
        shadowMatches = shadowMatches == null ? List.of() : List.copyOf(shadowMatches);
    }

    /** Nothing decided: the caller's bank, tags and policy stand. */
    public static RoutingDecision passthrough(String reasoning, List<String> shadowMatches) {
        return new RoutingDecision(null, null, null, ResolvedBy.PASSTHROUGH, null, 0, reasoning, List.of(),
                shadowMatches, null, null);
    }
}
