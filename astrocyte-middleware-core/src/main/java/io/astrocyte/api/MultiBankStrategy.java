package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;
import java.util.List;
import java.util.Map;

/**
 * How a recall over several banks combines them (SPEC §6.1).
 *
 * @param mode              {@code PARALLEL} (all banks at once, merged by weighted score), {@code CASCADE}
 *                          (bank by bank until {@code minResultsToStop} hits), {@code FIRST_MATCH} (first
 *                          bank with any hit)
 * @param cascadeOrder      banks to visit first in cascade mode; the rest follow in request order
 * @param bankWeights       score multiplier per bank (default 1.0)
 * @param dedupAcrossBanks  drop hits whose text equals a better hit's text from another bank
 */
public record MultiBankStrategy(
        Mode mode,
        int minResultsToStop,
        List<String> cascadeOrder,
        Map<String, Double> bankWeights,
        boolean dedupAcrossBanks) {

    public enum Mode { PARALLEL, CASCADE, FIRST_MATCH }

    public MultiBankStrategy {
        mode = mode == null ? Mode.PARALLEL : mode;
        if (minResultsToStop < 1) {
            throw new InvalidRequestException("strategy.min_results_to_stop", "must be at least 1");
        }
        cascadeOrder = cascadeOrder == null ? List.of() : List.copyOf(cascadeOrder);
        bankWeights = bankWeights == null ? Map.of() : Map.copyOf(bankWeights);
        for (Map.Entry<String, Double> w : bankWeights.entrySet()) {
            if (w.getValue() == null || w.getValue() < 0) {
                throw new InvalidRequestException("strategy.bank_weights." + w.getKey(), "must be non-negative");
            }
        }
    }

    public static MultiBankStrategy parallel() {
        return new MultiBankStrategy(Mode.PARALLEL, 3, null, null, true);
    }

    public static MultiBankStrategy cascade(int minResultsToStop, List<String> order) {
        return new MultiBankStrategy(Mode.CASCADE, minResultsToStop, order, null, true);
    }

    public static MultiBankStrategy firstMatch() {
        return new MultiBankStrategy(Mode.FIRST_MATCH, 1, null, null, true);
    }

    public double weight(String bankId) {
        return bankWeights.getOrDefault(bankId, 1.0);
    }
}
