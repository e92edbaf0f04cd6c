package io.astrocyte.routing;

import io.astrocyte.MipRoutingException;
import io.astrocyte.api.RoutingDecision;
import io.astrocyte.spi.LlmProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes content with a loaded {@code mip.yaml} (SPEC §6.2). Rules outside their time window are skipped; shadow
 * rules that match are logged (and listed in the decision) but never applied; a matching override wins; otherwise
 * the matching rule with the lowest priority number wins, ties resolved by {@code tie_breaker} ({@code first}: file
 * order; {@code error}: refuse; {@code most_specific}: the rule with more field tests, then file order). The winner
 * escalates when its action says {@code escalate: mip} or an {@code intent_policy.escalate_when} condition holds;
 * no match at all escalates too. An escalation asks the LLM intent layer when there is an LLM and an
 * {@code intent_policy}, else it passes through (and says so). Unlike upstream, several matches at different
 * priorities do not escalate by themselves: a catch-all rule never disables the others.
 */
public final class MipRouter {

    private static final Logger LOG = LoggerFactory.getLogger(MipRouter.class);

    private final MipConfig config;
    private final IntentLayer intent;
    private final Clock clock;

    /** @param llm the intent layer's model; {@code null} makes every escalation a passthrough */
    public MipRouter(MipConfig config, LlmProvider llm, Clock clock) {
        this.config = config;
        this.intent = llm == null || config.intentPolicy() == null ? null : new IntentLayer(llm, config);
        this.clock = clock;
    }

    public MipConfig config() {
        return config;
    }

    /** The decision for this content. */
    public RoutingDecision route(MipInput input) {
        return explain(input).decision();
    }

    /**
     * The decision with how it was reached: every rule that matched (live, in priority order), shadow rules that
     * matched, rules skipped for their time window, and the reason for the outcome. Routing and explaining run
     * the same code.
     */
    public Explanation explain(MipInput input) {
        Instant now = clock.instant();
        List<MipConfig.Rule> inactive = new ArrayList<>();
        List<MipConfig.Rule> live = new ArrayList<>();
        List<String> shadow = new ArrayList<>();
        for (MipConfig.Rule r : config.byPriority()) {
            if (!r.activeAt(now)) {
                inactive.add(r);
            } else if (r.match().test(input)) {
                if (r.shadow()) {
                    shadow.add(r.name());
                } else {
                    live.add(r);
                }
            }
        }
        if (!shadow.isEmpty()) {
            LOG.info("MIP shadow rules matched (not applied): {}", shadow);
        }
        List<String> liveNames = live.stream().map(MipConfig.Rule::name).toList();
        List<String> inactiveNames = inactive.stream().map(MipConfig.Rule::name).toList();
        List<MipConfig.Rule> overrides = live.stream().filter(MipConfig.Rule::override).toList();
        if (!overrides.isEmpty()) {
            MipConfig.Rule winner = pick(overrides);
            return new Explanation(liveNames, shadow, inactiveNames, winner.name(),
                    "override rule '" + winner.name() + "' matched", mechanical(winner, input, shadow, "override rule '"
                            + winner.name() + "' matched"));
        }
        if (live.isEmpty()) {
            String why = "no rule matched";
            return new Explanation(liveNames, shadow, inactiveNames, null, why, escalate(why, input, null, shadow));
        }
        MipConfig.Rule winner = pick(live);
        String reason = "rule '" + winner.name() + "' (priority " + winner.priority() + ") matched"
                + (live.size() > 1 ? " first of " + live.size() : "");
        String escalation = escalationReason(winner, live, input);
        if (escalation != null) {
            return new Explanation(liveNames, shadow, inactiveNames, winner.name(), escalation,
                    escalate(escalation, input, winner, shadow));
        }
        return new Explanation(liveNames, shadow, inactiveNames, winner.name(), reason,
                mechanical(winner, input, shadow, reason));
    }

    /** The rules that match this content now (shadow ones excluded), in priority order. */
    public List<String> matchingRules(MipInput input) {
        return explain(input).matched();
    }

    private MipConfig.Rule pick(List<MipConfig.Rule> candidates) {
        int top = candidates.get(0).priority();
        List<MipConfig.Rule> tied = candidates.stream().filter(r -> r.priority() == top).toList();
        if (tied.size() == 1) {
            return tied.get(0);
        }
        return switch (config.tieBreaker()) {
            case "error" -> throw new MipRoutingException("MIP tie_breaker=error: rules " + tied.stream()
                    .map(r -> "'" + r.name() + "'").toList() + " all match at priority " + top);
            case "most_specific" -> tied.stream().max(Comparator.comparingInt((MipConfig.Rule r) -> r.match().specificity())
                    .thenComparing(r -> -config.rules().indexOf(r))).orElseThrow();
            default -> tied.get(0);
        };
    }

    /** Why the mechanical winner escalates, or {@code null} when it stands. */
    private String escalationReason(MipConfig.Rule winner, List<MipConfig.Rule> live, MipInput input) {
        if (winner.action().escalate()) {
            return "rule '" + winner.name() + "' escalates";
        }
        if (config.intentPolicy() == null) {
            return null;
        }
        for (MipConfig.EscalateWhen w : config.intentPolicy().escalateWhen()) {
            if (w.matchedRules() != null && live.size() == w.matchedRules()) {
                return live.size() + " rules matched (escalate_when matched_rules: " + w.matchedRules() + ")";
            }
            if (w.confidenceBelow() != null && winner.action().confidence() < w.confidenceBelow()) {
                return "rule '" + winner.name() + "' has confidence " + winner.action().confidence() + " < "
                        + w.confidenceBelow();
            }
            if (Boolean.TRUE.equals(w.conflictingRules()) && conflicting(live, input)) {
                return "matching rules route to different banks (escalate_when conflicting_rules)";
            }
        }
        return null;
    }

    private static boolean conflicting(List<MipConfig.Rule> live, MipInput input) {
        Set<String> banks = new LinkedHashSet<>();
        for (MipConfig.Rule r : live) {
            if (r.action().bank() != null) {
                try {
                    banks.add(Templates.bank(r.action().bank(), input, r.name()));
                } catch (MipRoutingException e) {
                    banks.add(r.action().bank());
                }
            }
        }
        return banks.size() > 1;
    }

    private RoutingDecision escalate(String why, MipInput input, MipConfig.Rule mechanical, List<String> shadow) {
        if (mechanical != null && protectedRule(mechanical)) {
            return mechanical(mechanical, input, shadow, why + ", but rule '" + mechanical.name()
                    + "' is in cannot_override: its decision stands");
        }
        if (intent == null) {
            return RoutingDecision.passthrough(why + "; escalated, but there is no "
                    + (config.intentPolicy() == null ? "intent_policy" : "LLM") + " for the intent layer: passthrough",
                    shadow);
        }
        Optional<RoutingDecision> decided = intent.decide(input, why, shadow);
        return decided.orElseGet(() -> RoutingDecision.passthrough(why + "; the intent layer gave no usable answer:"
                + " passthrough", shadow));
    }

    private boolean protectedRule(MipConfig.Rule r) {
        return config.intentPolicy() != null && config.intentPolicy().constraints().cannotOverride().contains(r.name());
    }

    private static RoutingDecision mechanical(MipConfig.Rule r, MipInput input, List<String> shadow, String reason) {
        MipConfig.Action a = r.action();
        String bank = a.bank() == null ? null : Templates.bank(a.bank(), input, r.name());
        List<String> tags = a.tags() == null ? null : Templates.tags(a.tags(), input);
        return new RoutingDecision(bank, tags, a.retainPolicy(), RoutingDecision.ResolvedBy.MECHANICAL, r.name(),
                a.confidence(), reason, r.observabilityTags(), shadow, a.pipeline(), a.forget());
    }

    /**
     * How a decision was reached.
     *
     * @param matched  live rules that matched, in priority order
     * @param shadow   shadow rules that matched
     * @param inactive rules outside their time window
     * @param winner   the rule that won mechanically (it may still have escalated), or {@code null}
     * @param reason   why the outcome is what it is
     */
    public record Explanation(List<String> matched, List<String> shadow, List<String> inactive, String winner,
            String reason, RoutingDecision decision) {
    }
}
