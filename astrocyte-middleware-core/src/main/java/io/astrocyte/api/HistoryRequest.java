package io.astrocyte.api;

import java.time.Instant;
import java.util.List;

/**
 * Recall as the bank stood at {@code asOf} (SPEC §1.6): memories retained by then and not yet forgotten,
 * archived ones included (archiving takes a memory out of default recall, not out of the record).
 */
public record HistoryRequest(
        String query, String bankId, Instant asOf, int maxResults, Integer maxTokens, List<String> tags) {

    public HistoryRequest {
        Validate.required("query", query);
        BankIds.require("bank_id", bankId);
        if (asOf == null) {
            throw new io.astrocyte.InvalidRequestException("as_of", "is required");
        }
        Validate.nonNegative("max_results", maxResults);
        Validate.positiveOrNull("max_tokens", maxTokens);
        tags = Validate.tags("tags", tags);
    }

    public static HistoryRequest of(String bankId, String query, Instant asOf) {
        return new HistoryRequest(query, bankId, asOf, RecallRequest.DEFAULT_MAX_RESULTS, null, null);
    }

    public RecallRequest toRecall() {
        return RecallRequest.builder(query).bankId(bankId).asOf(asOf).maxResults(maxResults).maxTokens(maxTokens)
                .tags(tags).includeArchived(true).build();
    }
}
