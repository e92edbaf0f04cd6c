package io.astrocyte.spi;

import io.astrocyte.api.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters a backend applies to every search and listing (SPEC §4.1). All given filters must hold (AND).
 *
 * <ul>
 *   <li>{@code tags}: match-any; an untagged memory never matches a tag filter.</li>
 *   <li>{@code factTypes}: match-any.</li>
 *   <li>{@code timeRange}: on {@code occurred_at}; memories without it never match.</li>
 *   <li>{@code metadata}: equality per key; values compare as {@link MetadataValues#canonical}.</li>
 *   <li>{@code asOf}: visibility at a moment, {@code retained_at <= asOf} and not forgotten by then;
 *       without it only live (never forgotten) memories are visible.</li>
 *   <li>{@code sessionId}: equality on metadata key {@value #SESSION_ID_KEY}.</li>
 *   <li>{@code includeForgotten}: ignore visibility entirely (used by purge and export paths).</li>
 *   <li>{@code includeArchived}: also memories lifecycle archived; without it a memory archived at or before
 *       {@code asOf} (or at all, without {@code asOf}) is left out. {@code includeForgotten} implies it.</li>
 * </ul>
 */
public record VectorFilters(
        Set<String> tags,
        Set<String> factTypes,
        TimeRange timeRange,
        Map<String, Object> metadata,
        Instant asOf,
        String sessionId,
        boolean includeForgotten,
        boolean includeArchived) {

    /** The metadata key that carries a memory's session id. */
    public static final String SESSION_ID_KEY = "session_id";

    private static final VectorFilters NONE = new VectorFilters(null, null, null, null, null, null, false, false);

    /** Filters that leave archived memories out. */
    public VectorFilters(Set<String> tags, Set<String> factTypes, TimeRange timeRange, Map<String, Object> metadata,
            Instant asOf, String sessionId, boolean includeForgotten) {
        this(tags, factTypes, timeRange, metadata, asOf, sessionId, includeForgotten, false);
    }

    public VectorFilters {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        factTypes = factTypes == null ? Set.of() : Set.copyOf(factTypes);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** Live memories, nothing else filtered. */
    public static VectorFilters none() {
        return NONE;
    }

    public static VectorFilters ofTags(List<String> tags) {
        return new VectorFilters(Set.copyOf(tags), null, null, null, null, null, false, false);
    }

    public VectorFilters withAsOf(Instant at) {
        return new VectorFilters(tags, factTypes, timeRange, metadata, at, sessionId, includeForgotten, includeArchived);
    }

    public VectorFilters withIncludeForgotten(boolean include) {
        return new VectorFilters(tags, factTypes, timeRange, metadata, asOf, sessionId, include, includeArchived);
    }

    public VectorFilters withIncludeArchived(boolean include) {
        return new VectorFilters(tags, factTypes, timeRange, metadata, asOf, sessionId, includeForgotten, include);
    }

    public VectorFilters withTimeRange(TimeRange range) {
        return new VectorFilters(tags, factTypes, range, metadata, asOf, sessionId, includeForgotten, includeArchived);
    }

    /** Whether archived memories are left out. */
    public boolean excludesArchived() {
        return !includeForgotten && !includeArchived;
    }

    /**
     * Reference implementation of these filters over one item, for stores that filter in memory and for
     * tests. Backends that translate filters into their own query language must agree with it.
     */
    public boolean matches(VectorItem item) {
        if (!includeForgotten && !item.visibleAt(asOf)) {
            return false;
        }
        if (excludesArchived() && item.archivedBy(asOf)) {
            return false;
        }
        if (!tags.isEmpty() && item.tags().stream().noneMatch(tags::contains)) {
            return false;
        }
        // Set.copyOf sets throw on contains(null); an item without a fact type never matches a fact-type filter
        if (!factTypes.isEmpty() && (item.factType() == null || !factTypes.contains(item.factType()))) {
            return false;
        }
        if (timeRange != null && !timeRange.contains(item.occurredAt())) {
            return false;
        }
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            if (!item.metadata().containsKey(e.getKey())
                    || !MetadataValues.canonical(item.metadata().get(e.getKey())).equals(MetadataValues.canonical(e.getValue()))) {
                return false;
            }
        }
        if (sessionId != null) {
            Object s = item.metadata().get(SESSION_ID_KEY);
            return s != null && sessionId.equals(s.toString());
        }
        return true;
    }
}
