package io.astrocyte.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.ConditionFactory.range;

import io.astrocyte.spi.MetadataValues;
import io.astrocyte.spi.VectorFilters;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import java.util.List;
import java.util.Map;

/**
 * {@link VectorFilters} as a Qdrant payload filter, agreeing with {@link VectorFilters#matches}: every part
 * is a {@code must}; tags and fact types match any; the time range is {@code [from, to)} on
 * {@code occurred_at} (absent never matches); metadata compares canonical forms; without {@code as_of} only
 * points without {@code forgotten_at} are visible, with it {@code retained_at <= as_of} and
 * ({@code forgotten_at} absent or after {@code as_of}); unless archived ones are asked for, {@code archived_at}
 * absent (or after {@code as_of}).
 */
final class QdrantFilters {

    private QdrantFilters() {
    }

    static Filter of(String bankId, VectorFilters f) {
        Filter.Builder b = Filter.newBuilder().addMust(matchKeyword(Payload.BANK, bankId));
        if (!f.includeForgotten()) {
            if (f.asOf() == null) {
                b.addMust(isEmpty(Payload.FORGOTTEN_AT));
            } else {
                long t = f.asOf().toEpochMilli();
                b.addMust(range(Payload.RETAINED_AT, Range.newBuilder().setLte(t).build()));
                b.addMust(filter(Filter.newBuilder().addShould(isEmpty(Payload.FORGOTTEN_AT))
                        .addShould(range(Payload.FORGOTTEN_AT, Range.newBuilder().setGt(t).build())).build()));
            }
        }
        if (f.excludesArchived()) {
            if (f.asOf() == null) {
                b.addMust(isEmpty(Payload.ARCHIVED_AT));
            } else {
                b.addMust(filter(Filter.newBuilder().addShould(isEmpty(Payload.ARCHIVED_AT))
                        .addShould(range(Payload.ARCHIVED_AT, Range.newBuilder().setGt(f.asOf().toEpochMilli()).build()))
                        .build()));
            }
        }
        if (!f.tags().isEmpty()) {
            b.addMust(matchKeywords(Payload.TAGS, f.tags().stream().sorted().toList()));
        }
        if (!f.factTypes().isEmpty()) {
            b.addMust(matchKeywords(Payload.FACT_TYPE, f.factTypes().stream().sorted().toList()));
        }
        if (f.timeRange() != null) {
            Range.Builder r = Range.newBuilder();
            if (f.timeRange().from() != null) {
                r.setGte(f.timeRange().from().toEpochMilli());
            }
            if (f.timeRange().to() != null) {
                r.setLt(f.timeRange().to().toEpochMilli());
            }
            b.addMust(range(Payload.OCCURRED_AT, r.build()));
        }
        for (Map.Entry<String, Object> e : f.metadata().entrySet()) {
            b.addMust(matchKeyword(Payload.META_KV, metaKey(e.getKey(), e.getValue())));
        }
        if (f.sessionId() != null) {
            b.addMust(matchKeyword(Payload.SESSION, f.sessionId()));
        }
        return b.build();
    }

    /** The filter of {@link #of} narrowed to some points, by their Qdrant ids. */
    static Filter withIds(Filter base, List<io.qdrant.client.grpc.Common.PointId> ids) {
        return base.toBuilder().addMust(io.qdrant.client.ConditionFactory.hasId(ids)).build();
    }

    static String metaKey(String key, Object value) {
        return key + Payload.SEP + MetadataValues.canonical(value);
    }
}
