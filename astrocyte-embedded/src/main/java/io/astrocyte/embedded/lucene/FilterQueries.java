package io.astrocyte.embedded.lucene;

import io.astrocyte.api.TimeRange;
import io.astrocyte.spi.MetadataValues;
import io.astrocyte.spi.VectorFilters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Translates {@link VectorFilters} into one Lucene query of FILTER clauses. It must agree with
 * {@link VectorFilters#matches}; the contract suite checks that it does.
 */
final class FilterQueries {

    private FilterQueries() {
    }

    static Query of(String bankId, VectorFilters f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(Fields.BANK, bankId)), BooleanClause.Occur.FILTER);
        if (f.asOf() == null && f.excludesArchived()) {
            // neither forgotten nor archived, now: the usual case, one bit set per segment version
            b.add(LiveMemoriesQuery.INSTANCE, BooleanClause.Occur.FILTER);
        } else {
            liveAsAsked(b, f);
        }
        if (!f.tags().isEmpty()) {
            b.add(anyOf(Fields.TAG, f.tags()), BooleanClause.Occur.FILTER);
        }
        if (!f.factTypes().isEmpty()) {
            b.add(anyOf(Fields.FACT_TYPE, f.factTypes()), BooleanClause.Occur.FILTER);
        }
        TimeRange range = f.timeRange();
        if (range != null) {
            long from = range.from() == null ? Long.MIN_VALUE : range.from().toEpochMilli();
            long to = range.to() == null ? Long.MAX_VALUE : range.to().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(Fields.OCCURRED_AT, from, to), BooleanClause.Occur.FILTER);
        }
        for (Map.Entry<String, Object> e : f.metadata().entrySet()) {
            b.add(new TermQuery(new Term(Fields.META_PREFIX + e.getKey(), MetadataValues.canonical(e.getValue()))),
                    BooleanClause.Occur.FILTER);
        }
        if (f.sessionId() != null) {
            b.add(new TermQuery(new Term(Fields.SESSION_ID, f.sessionId())), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** Forgotten and archived memories as the filters ask, in doc-values clauses (history, or either included). */
    private static void liveAsAsked(BooleanQuery.Builder b, VectorFilters f) {
        if (!f.includeForgotten()) {
            if (f.asOf() == null) {
                b.add(NumericDocValuesField.newSlowExactQuery(Fields.FORGOTTEN_AT, Fields.LIVE),
                        BooleanClause.Occur.FILTER);
            } else {
                long asOf = f.asOf().toEpochMilli();
                b.add(LongPoint.newRangeQuery(Fields.RETAINED_AT, Long.MIN_VALUE, asOf), BooleanClause.Occur.FILTER);
                b.add(NumericDocValuesField.newSlowRangeQuery(Fields.FORGOTTEN_AT, asOf + 1, Long.MAX_VALUE),
                        BooleanClause.Occur.FILTER);
            }
        }
        if (f.excludesArchived()) {
            // MUST_NOT rather than "equals LIVE", so documents indexed before archiving existed stay visible
            long by = f.asOf() == null ? Fields.LIVE - 1 : f.asOf().toEpochMilli();
            b.add(NumericDocValuesField.newSlowRangeQuery(Fields.ARCHIVED_AT, Long.MIN_VALUE, by),
                    BooleanClause.Occur.MUST_NOT);
        }
    }

    static Query uids(String bankId, Collection<String> ids) {
        List<BytesRef> terms = new ArrayList<>(ids.size());
        for (String id : ids) {
            terms.add(new BytesRef(Fields.uid(bankId, id)));
        }
        return new TermInSetQuery(Fields.UID, terms);
    }

    private static Query anyOf(String field, Collection<String> values) {
        List<BytesRef> terms = new ArrayList<>(values.size());
        for (String v : values) {
            terms.add(new BytesRef(v));
        }
        return new TermInSetQuery(field, terms);
    }
}
