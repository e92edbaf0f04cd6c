package io.astrocyte.api;

import java.time.Instant;
import java.util.List;

/**
 * Answer a question from memory (SPEC §1.4). Without an LLM the answer is extractive: sentences from the
 * best hits with their memory ids cited.
 *
 * @param maxTokens    cap on the synthesized answer; {@code null} uses {@code homeostasis.reflect_max_tokens}
 * @param dispositions {@code null} uses the configured defaults
 */
public record ReflectRequest(
        String query,
        String bankId,
        List<String> banks,
        MultiBankStrategy strategy,
        Integer maxTokens,
        List<String> tags,
        boolean includeSources,
        Dispositions dispositions,
        Instant asOf,
        Instant queryReferenceDate) {

    public ReflectRequest {
        Validate.required("query", query);
        if (bankId != null) {
            BankIds.require("bank_id", bankId);
        }
        banks = Validate.banks("banks", banks);
        strategy = strategy == null ? MultiBankStrategy.parallel() : strategy;
        Validate.positiveOrNull("max_tokens", maxTokens);
        tags = Validate.tags("tags", tags);
    }

    public static ReflectRequest of(String bankId, String query) {
        return builder(query).bankId(bankId).build();
    }

    public static Builder builder(String query) {
        return new Builder(query);
    }

    /** The banks this request names, in order: {@code bankId} first, then {@code banks}. */
    public List<String> targetBanks() {
        return BankIds.targets(bankId, banks);
    }

    /** The recall this reflect starts from. */
    public RecallRequest toRecall(int maxResults) {
        return RecallRequest.builder(query).bankId(bankId).banks(banks).strategy(strategy).maxResults(maxResults)
                .tags(tags).asOf(asOf).queryReferenceDate(queryReferenceDate).build();
    }

    /** Builder for the optional fields. */
    public static final class Builder {
        private final String query;
        private String bankId;
        private List<String> banks;
        private MultiBankStrategy strategy;
        private Integer maxTokens;
        private List<String> tags;
        private boolean includeSources = true;
        private Dispositions dispositions;
        private Instant asOf;
        private Instant queryReferenceDate;

        private Builder(String query) {
            this.query = query;
        }

        public Builder bankId(String value) {
            this.bankId = value;
            return this;
        }

        public Builder banks(List<String> value) {
            this.banks = value;
            return this;
        }

        public Builder strategy(MultiBankStrategy value) {
            this.strategy = value;
            return this;
        }

        public Builder maxTokens(Integer value) {
            this.maxTokens = value;
            return this;
        }

        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        public Builder includeSources(boolean value) {
            this.includeSources = value;
            return this;
        }

        public Builder dispositions(Dispositions value) {
            this.dispositions = value;
            return this;
        }

        public Builder asOf(Instant value) {
            this.asOf = value;
            return this;
        }

        public Builder queryReferenceDate(Instant value) {
            this.queryReferenceDate = value;
            return this;
        }

        public ReflectRequest build() {
            return new ReflectRequest(query, bankId, banks, strategy, maxTokens, tags, includeSources, dispositions,
                    asOf, queryReferenceDate);
        }
    }
}
