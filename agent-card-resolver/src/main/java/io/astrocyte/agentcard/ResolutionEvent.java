package io.astrocyte.agentcard;

import java.time.Instant;
import java.util.List;

/**
 * One agent-card resolution, for audit: who was bound to which banks, by which rule, in which
 * environment, and whether it came from the cache or was refused. Carries no memory content.
 *
 * @param rule    {@code agents.<name>}, {@code agent_cards.mappings[i]} or {@code default}
 * @param outcome {@code resolved}, {@code cached} or {@code refused}
 * @param reason  why a resolution was refused; empty otherwise
 */
public record ResolutionEvent(Instant at, String outcome, String principal, String label, String cardSha256,
        String rule, String environment, String sandboxId, String tenantId, String onBehalfOf, String defaultBank,
        List<String> readBanks, String reason) {

    public ResolutionEvent {
        readBanks = readBanks == null ? List.of() : List.copyOf(readBanks);
        reason = reason == null ? "" : reason;
    }
}
