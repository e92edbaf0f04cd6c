package io.astrocyte.agentcard;

import io.astrocyte.config.AgentCardMapping;
import io.astrocyte.identity.GlobPattern;
import java.util.Locale;

/** Whether a card satisfies every field of a mapping's {@code match} (globs, case-insensitive). */
final class CardMatcher {

    private CardMatcher() {
    }

    static boolean matches(AgentCardMapping.Match match, AgentCard card) {
        return field(match.organization(), card.provider().organization())
                && field(match.name(), card.name())
                && field(match.url(), card.primaryUrl())
                && field(match.tenant(), card.tenant())
                && (match.skill() == null || card.skills().stream()
                        .anyMatch(s -> glob(match.skill(), s.id()) || glob(match.skill(), s.name())))
                && (match.skillTag() == null || card.skills().stream()
                        .flatMap(s -> s.tags().stream()).anyMatch(t -> glob(match.skillTag(), t)));
    }

    private static boolean field(String pattern, String value) {
        return pattern == null || glob(pattern, value);
    }

    private static boolean glob(String pattern, String value) {
        return value != null && new GlobPattern(pattern.toLowerCase(Locale.ROOT)).matches(value.toLowerCase(Locale.ROOT));
    }
}
