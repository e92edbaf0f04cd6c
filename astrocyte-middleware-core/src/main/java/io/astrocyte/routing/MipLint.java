package io.astrocyte.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings about a {@code mip.yaml} that loads (SPEC §6.2): rules that can never win, rules another rule always
 * beats, time windows already over, banks the file does not declare, and unknown pipeline keys. Load errors are not findings: {@link MipLoader} refuses those files outright.
 */
public final class MipLint {

    private MipLint() {
    }

    /** One finding, naming the rule and its line. */
    public record Finding(String rule, int line, String message) {
        @Override
        public String toString() {
            return "rule '" + rule + "'" + (line > 0 ? " (line " + line + ")" : "") + ": " + message;
        }
    }

    public static List<Finding> check(MipConfig config, Instant now) {
        List<Finding> out = new ArrayList<>();
        List<MipConfig.Rule> ordered = config.byPriority();
        for (int i = 0; i < ordered.size(); i++) {
            MipConfig.Rule r = ordered.get(i);
            if (r.activeUntil() != null && !now.isBefore(r.activeUntil())) {
                out.add(new Finding(r.name(), r.line(), "its window ended at " + r.activeUntil() + "; it never applies"));
            }
            if (!r.shadow() && !r.override()) {
                for (int j = 0; j < i; j++) {
                    MipConfig.Rule earlier = ordered.get(j);
                    if (earlier.shadow() || earlier.activeFrom() != null || earlier.activeUntil() != null
                            || earlier.action().escalate()) {
                        continue;
                    }
                    boolean wins = earlier.priority() < r.priority()
                            || (earlier.priority() == r.priority() && config.tieBreaker().equals("first"));
                    if (wins && implies(r.match(), earlier.match())) {
                        out.add(new Finding(r.name(), r.line(), tests(earlier.match()).isEmpty()
                                ? "unreachable: rule '" + earlier.name() + "' matches everything and wins first"
                                : "shadowed: whenever it matches, rule '" + earlier.name() + "' matches too and wins"));
                        break;
                    }
                }
            }
            String bank = r.action().bank();
            if (bank != null && !config.banks().isEmpty() && !config.declares(bank)
                    && config.banks().stream().noneMatch(b -> b.id().equals(bank))) {
                out.add(new Finding(r.name(), r.line(), "routes to bank '" + bank + "', which banks: does not declare"));
            }
            PipelineSpec p = r.action().pipeline();
            if (p != null && !p.unknownKeys().isEmpty()) {
                out.add(new Finding(r.name(), r.line(), "pipeline keys " + p.unknownKeys() + " are unknown and have no"
                        + " effect"));
            }
        }
        return out;
    }

    /**
     * Whether {@code a} matching implies {@code b} matching, judged on their top-level field tests: b's tests are
     * all among a's. Anything else ({@code any}, {@code none}, nesting) is not judged, so no false alarm is raised.
     */
    private static boolean implies(Condition a, Condition b) {
        Set<Condition.Field> needed = tests(b);
        if (needed == null) {
            return false;
        }
        Set<Condition.Field> has = tests(a);
        return has != null && has.containsAll(needed);
    }

    /** The field tests of a plain conjunction, or {@code null} when it holds other combinators. */
    private static Set<Condition.Field> tests(Condition c) {
        Set<Condition.Field> out = new HashSet<>();
        if (c instanceof Condition.Field f) {
            out.add(f);
            return out;
        }
        if (!(c instanceof Condition.All all)) {
            return null;
        }
        for (Condition part : all.parts()) {
            Set<Condition.Field> inner = tests(part);
            if (inner == null) {
                return null;
            }
            out.addAll(inner);
        }
        return out;
    }
}
