package io.astrocyte.pipeline.recall;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.pipeline.TokenCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a ranked list to {@code maxResults}, then keeps hits in rank order while the running total of
 * their tokens stays within the budget (SPEC §3.1). A cut by the budget sets {@code truncated}.
 */
public final class TokenBudget {

    private TokenBudget() {
    }

    /** The hits that fit, and whether the budget (not {@code maxResults}) dropped any. */
    public record Trimmed(List<MemoryHit> hits, boolean truncated) {
    }

    public static Trimmed apply(List<MemoryHit> ranked, int maxResults, Integer maxTokens) {
        List<MemoryHit> top = ranked.subList(0, Math.min(maxResults, ranked.size()));
        if (maxTokens == null) {
            return new Trimmed(List.copyOf(top), false);
        }
        List<MemoryHit> kept = new ArrayList<>(top.size());
        int used = 0;
        for (MemoryHit hit : top) {
            int tokens = TokenCounter.count(hit.text());
            if (used + tokens > maxTokens) {
                return new Trimmed(kept, true);
            }
            used += tokens;
            kept.add(hit);
        }
        return new Trimmed(kept, false);
    }
}
