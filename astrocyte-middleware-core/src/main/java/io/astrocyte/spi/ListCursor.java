package io.astrocyte.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a listing continues: just after the item with this {@code retained_at} and id, in the
 * ({@code retained_at}, id) order every listing uses. A page is read by passing the cursor of the previous
 * page's last item, so reading a whole bank costs one pass however large it is, and items added or removed
 * meanwhile never shift a page boundary.
 */
public record ListCursor(Instant retainedAt, String id) {

    /** {@code retainedAt} may be {@code null} for an item stored without one, which lists first. */
    public ListCursor {
        Objects.requireNonNull(id, "id");
    }

    /** The cursor just after {@code item}. */
    public static ListCursor after(VectorItem item) {
        return new ListCursor(item.retainedAt(), item.id());
    }

    /** The cursor after the last item of a page, or {@code null} for an empty page. */
    public static ListCursor afterLast(java.util.List<VectorItem> page) {
        return page.isEmpty() ? null : after(page.get(page.size() - 1));
    }

    /** Whether {@code item} comes after this cursor (ids compared as {@link String#compareTo}). */
    public boolean isBefore(VectorItem item) {
        int c = java.util.Comparator.nullsFirst(java.util.Comparator.<Instant>naturalOrder())
                .compare(item.retainedAt(), retainedAt);
        return c > 0 || c == 0 && item.id().compareTo(id) > 0;
    }
}
