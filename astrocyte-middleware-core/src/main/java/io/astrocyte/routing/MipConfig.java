package io.astrocyte.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A loaded {@code mip.yaml} (SPEC §6.2): declared banks, rules, the intent policy and the tie-breaker. Built by
 * {@link MipLoader}, which checks it; immutable.
 */
public record MipConfig(String version, List<Bank> banks, List<Rule> rules, IntentPolicy intentPolicy,
        String tieBreaker) {

    public MipConfig {
        banks = List.copyOf(banks);
        rules = List.copyOf(rules);
    }

    /** A declared bank; {@code id} may be a template such as {@code student-{student_id}}. */
    public record Bank(String id, String description, List<String> access, String compliance) {
    }

    /**
     * A rule. Lower {@code priority} wins; {@code override} wins over everything; {@code shadow} rules are
     * logged when they match and never applied; {@code activeFrom} / {@code activeUntil} bound when it applies.
     *
     * @param line the rule's line in the file, for errors and lint
     */
    public record Rule(String name, int priority, boolean override, boolean shadow, Instant activeFrom,
            Instant activeUntil, List<String> observabilityTags, Condition match, Action action, int line) {

        public Rule {
            observabilityTags = observabilityTags == null ? List.of() : List.copyOf(observabilityTags);
        }

        public boolean activeAt(Instant now) {
            return (activeFrom == null || !now.isBefore(activeFrom)) && (activeUntil == null || now.isBefore(activeUntil));
        }
    }

    /**
     * What a rule does.
     *
     * @param bank         a bank id or template; {@code null} keeps the caller's bank
     * @param tags         tag templates that replace the caller's tags; {@code null} keeps them
     * @param retainPolicy {@code default}, {@code redact_before_store} or {@code reject}
     * @param escalate     hand the decision to the intent layer
     */
    public record Action(String bank, List<String> tags, String retainPolicy, boolean escalate, double confidence,
            PipelineSpec pipeline, ForgetSpec forget) {

        public Action {
            tags = tags == null ? null : List.copyOf(tags);
        }
    }

    /**
     * {@code intent_policy}: when to escalate to the LLM intent layer, what to tell it, and what it may not change.
     *
     * @param escalateWhen conditions on the mechanical result: {@code matched_rules: n}, {@code confidence: {lt: x}},
     *                     {@code conflicting_rules: true}
     * @param modelContext text (or structure) given to the model
     */
    public record IntentPolicy(List<EscalateWhen> escalateWhen, Object modelContext, Constraints constraints) {

        public IntentPolicy {
            escalateWhen = escalateWhen == null ? List.of() : List.copyOf(escalateWhen);
            constraints = constraints == null ? new Constraints(null, false, null) : constraints;
        }
    }

    /** One escalation condition; exactly one of its fields is set. */
    public record EscalateWhen(Integer matchedRules, Double confidenceBelow, Boolean conflictingRules) {
    }

    /**
     * @param cannotOverride rules whose decision the model can never change
     * @param mustJustify    a model answer without reasoning is refused
     * @param maxTokens      the model's answer budget
     */
    public record Constraints(List<String> cannotOverride, boolean mustJustify, Integer maxTokens) {
        public Constraints {
            cannotOverride = cannotOverride == null ? List.of() : List.copyOf(cannotOverride);
        }
    }

    /** Rules in the order they are considered: priority, then file order. */
    public List<Rule> byPriority() {
        return rules.stream().sorted(Comparator.comparingInt(Rule::priority)).toList();
    }

    /** Whether any rule tests {@code signals.<name>}, so the facade computes that signal only when needed. */
    public boolean usesSignal(String name) {
        return rules.stream().anyMatch(r -> mentions(r.match(), "signals." + name));
    }

    static boolean mentions(Condition c, String field) {
        if (c instanceof Condition.Field f) {
            return f.field().equals(field);
        }
        return Conditions.parts(c).stream().anyMatch(p -> mentions(p, field));
    }

    /**
     * The pipeline for recalls and reflects in a bank: that of the first live rule (by priority) with a pipeline
     * whose bank, or bank template, matches the id.
     */
    public Optional<Lookup<PipelineSpec>> pipelineFor(String bankId, Instant now) {
        return byPriority().stream().filter(r -> !r.shadow() && r.activeAt(now) && r.action().pipeline() != null
                && Templates.bankMatches(r.action().bank(), bankId))
                .findFirst().map(r -> new Lookup<>(r.name(), r.action().pipeline()));
    }

    /** The forget spec for a bank, found like {@link #pipelineFor}. */
    public Optional<Lookup<ForgetSpec>> forgetFor(String bankId, Instant now) {
        return byPriority().stream().filter(r -> !r.shadow() && r.activeAt(now) && r.action().forget() != null
                && Templates.bankMatches(r.action().bank(), bankId))
                .findFirst().map(r -> new Lookup<>(r.name(), r.action().forget()));
    }

    /** A per-bank setting and the rule it came from. */
    public record Lookup<T>(String fromRule, T value) {
    }

    /** Whether {@code bankId} is a declared bank (or matches a declared template). */
    public boolean declares(String bankId) {
        return banks.stream().anyMatch(b -> Templates.bankMatches(b.id(), bankId));
    }

    /** The rule of that name. */
    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
