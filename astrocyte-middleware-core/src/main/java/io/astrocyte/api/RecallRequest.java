package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.spi.VectorFilters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Find memories relevant to a query (SPEC §1.3), in one bank ({@code bankId}) or several ({@code banks}
 * with a {@link MultiBankStrategy}).
 *
 * @param maxResults         hits to return at most (default 10); 0 returns no hits but still counts them
 * @param maxTokens          token budget for the returned texts; {@code null} uses
 *                           {@code homeostasis.recall_max_tokens}
 * @param tags               match-any; untagged memories never match
 * @param externalContext    caller-supplied hits fused in as their own strategy
 * @param timeRange          on {@code occurred_at}
 * @param metadataFilters    [Java] equality filters on metadata
 * @param asOf               answer as the bank stood at that moment (history)
 * @param queryReferenceDate "now" for relative dates and recency scoring; not a filter
 * @param includeArchived    also search memories lifecycle archived (SPEC §6.4); history always does
 */
public record RecallRequest(
        String query,
        String bankId,
        List<String> banks,
        MultiBankStrategy strategy,
        int maxResults,
        Integer maxTokens,
        List<String> tags,
        List<MemoryHit> externalContext,
        List<String> factTypes,
        TimeRange timeRange,
        boolean includeSources,
        Map<String, Double> layerWeights,
        String detailLevel,
        Instant asOf,
        Instant queryReferenceDate,
        String sessionId,
        Map<String, Object> metadataFilters,
        boolean includeArchived) {

    public static final int DEFAULT_MAX_RESULTS = 10;

    public RecallRequest {
        Validate.required("query", query);
        if (bankId != null) {
            BankIds.require("bank_id", bankId);
        }
        banks = Validate.banks("banks", banks);
        strategy = strategy == null ? MultiBankStrategy.parallel() : strategy;
        Validate.nonNegative("max_results", maxResults);
        Validate.positiveOrNull("max_tokens", maxTokens);
        tags = Validate.tags("tags", tags);
        externalContext = externalContext == null ? List.of() : List.copyOf(externalContext);
        factTypes = factTypes == null ? List.of() : List.copyOf(factTypes);
        layerWeights = layerWeights == null ? Map.of() : Map.copyOf(layerWeights);
        metadataFilters = Validate.metadata("metadata_filters", metadataFilters);
    }

    public static RecallRequest of(String bankId, String query) {
        return builder(query).bankId(bankId).build();
    }

    public static Builder builder(String query) {
        return new Builder(query);
    }

    /** The banks this request names, in order: {@code bankId} first, then {@code banks}. */
    public List<String> targetBanks() {
        return BankIds.targets(bankId, banks);
    }

    /** The store-level filters this request implies. */
    public VectorFilters filters() {
        return new VectorFilters(Set.copyOf(tags), Set.copyOf(factTypes), timeRange, metadataFilters, asOf, sessionId,
                false, includeArchived);
    }

    /** A copy aimed at a single bank, for fan-out. */
    public RecallRequest forBank(String bank) {
        return toBuilder().bankId(bank).banks(List.of()).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(query);
        b.bankId = bankId;
        b.banks = banks;
        b.strategy = strategy;
        b.maxResults = maxResults;
        b.maxTokens = maxTokens;
        b.tags = tags;
        b.externalContext = externalContext;
        b.factTypes = factTypes;
        b.timeRange = timeRange;
        b.includeSources = includeSources;
        b.layerWeights = layerWeights;
        b.detailLevel = detailLevel;
        b.asOf = asOf;
        b.queryReferenceDate = queryReferenceDate;
        b.sessionId = sessionId;
        b.metadataFilters = metadataFilters;
        b.includeArchived = includeArchived;
        return b;
    }

    /** Builder for the optional fields. */
    public static final class Builder {
        private final String query;
        private String bankId;
        private List<String> banks;
        private MultiBankStrategy strategy;
        private int maxResults = DEFAULT_MAX_RESULTS;
        private Integer maxTokens;
        private List<String> tags;
        private List<MemoryHit> externalContext;
        private List<String> factTypes;
        private TimeRange timeRange;
        private boolean includeSources;
        private Map<String, Double> layerWeights;
        private String detailLevel;
        private Instant asOf;
        private Instant queryReferenceDate;
        private String sessionId;
        private Map<String, Object> metadataFilters;
        private boolean includeArchived;

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

        public Builder maxResults(int value) {
            this.maxResults = value;
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

        public Builder tags(String... value) {
            return tags(List.of(value));
        }

        public Builder externalContext(List<MemoryHit> value) {
            this.externalContext = value;
            return this;
        }

        public Builder factTypes(List<String> value) {
            this.factTypes = value;
            return this;
        }

        public Builder timeRange(TimeRange value) {
            this.timeRange = value;
            return this;
        }

        public Builder includeSources(boolean value) {
            this.includeSources = value;
            return this;
        }

        public Builder layerWeights(Map<String, Double> value) {
            this.layerWeights = value;
            return this;
        }

        public Builder detailLevel(String value) {
            this.detailLevel = value;
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

        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        /** Also search memories lifecycle archived (default false). */
        public Builder includeArchived(boolean value) {
            this.includeArchived = value;
            return this;
        }

        public Builder metadataFilters(Map<String, ?> value) {
            this.metadataFilters = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /**
         * Sets filters from a loosely typed map, as they arrive from JSON or tool calls. Known fields:
         * {@code tags}, {@code fact_types}, {@code time_range} ({@code from}/{@code to}, ISO-8601),
         * {@code metadata}, {@code as_of}, {@code session_id}. Any other field is an
         * {@link InvalidRequestException} that names it.
         */
        public Builder filters(Map<String, ?> filters) {
            if (filters == null) {
                return this;
            }
            for (Map.Entry<String, ?> e : filters.entrySet()) {
                String field = "filters." + e.getKey();
                Object v = e.getValue();
                switch (e.getKey()) {
                    case "tags" -> tags = stringList(field, v);
                    case "fact_types" -> factTypes = stringList(field, v);
                    case "time_range" -> {
                        Map<?, ?> range = map(field, v);
                        for (Object k : range.keySet()) {
                            if (!"from".equals(k) && !"to".equals(k)) {
                                throw new InvalidRequestException(field + "." + k, "unknown filter field");
                            }
                        }
                        timeRange = new TimeRange(instant(field + ".from", range.get("from")),
                                instant(field + ".to", range.get("to")));
                    }
                    case "metadata" -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        map(field, v).forEach((k, val) -> m.put(String.valueOf(k), val));
                        metadataFilters = m;
                    }
                    case "as_of" -> asOf = instant(field, v);
                    case "session_id" -> sessionId = v == null ? null : v.toString();
                    case "include_archived" -> {
                        if (!(v instanceof Boolean flag)) {
                            throw new InvalidRequestException(field, "must be true or false");
                        }
                        includeArchived = flag;
                    }
                    default -> throw new InvalidRequestException(field, "unknown filter field (known: tags, "
                            + "fact_types, time_range, metadata, as_of, session_id, include_archived)");
                }
            }
            return this;
        }

        public RecallRequest build() {
            return new RecallRequest(query, bankId, banks, strategy, maxResults, maxTokens, tags, externalContext,
                    factTypes, timeRange, includeSources, layerWeights, detailLevel, asOf, queryReferenceDate,
                    sessionId, metadataFilters, includeArchived);
        }

        private static List<String> stringList(String field, Object v) {
            if (!(v instanceof List<?> list)) {
                throw new InvalidRequestException(field, "must be a list of strings");
            }
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new InvalidRequestException(field, "must be a list of strings");
                }
                out.add(s);
            }
            return out;
        }

        private static Map<?, ?> map(String field, Object v) {
            if (!(v instanceof Map<?, ?> m)) {
                throw new InvalidRequestException(field, "must be an object");
            }
            return m;
        }

        private static Instant instant(String field, Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof Instant i) {
                return i;
            }
            try {
                return Instant.parse(v.toString());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidRequestException(field, "not an ISO-8601 instant: " + v);
            }
        }
    }
}
