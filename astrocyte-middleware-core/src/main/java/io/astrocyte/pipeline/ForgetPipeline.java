package io.astrocyte.pipeline;

import io.astrocyte.MipRoutingException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.routing.ForgetSpec;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.TimeRange;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a forget's selectors to memory ids and forgets them (SPEC §1.5 [J]): a soft delete that
 * stamps {@code forgotten_at}, or, for compliance, a physical purge that also removes memories an
 * earlier soft delete kept for history. Selectors combine with AND. Forgetting a memory by id also forgets the facts
 * an extraction profile drew from it ({@link RetainPipeline#EXTRACTED_FROM}).
 */
public final class ForgetPipeline {

    private static final int PAGE = 1000;

    private final VectorStore store;
    private final Clock clock;

    public ForgetPipeline(VectorStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ForgetResult forget(ForgetRequest request) {
        return forget(request, null);
    }

    /**
     * @param spec the bank's MIP forget spec (SPEC §1.5), or {@code null}: mode {@code hard} purges every forget;
     *             {@code min_age_days} refuses the call when a selected memory is younger; {@code max_per_call}
     *             refuses a call that selects more
     */
    public ForgetResult forget(ForgetRequest request, ForgetSpec spec) {
        boolean purge = request.compliance() || (spec != null && "hard".equals(spec.mode()));
        boolean guarded = spec != null && (spec.minAgeDays() != null || spec.maxPerCall() != null);
        boolean bySelectorsOnly = request.memoryIds().isEmpty()
                && (request.isScopeAll() || !request.tags().isEmpty() || request.beforeDate() != null);
        if (bySelectorsOnly && !guarded) {
            // the store may do this natively (a filtered delete) instead of listing every match first
            Instant at = purge ? null : clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return new ForgetResult(store.forgetMatching(request.bankId(), filters(request), at), 0);
        }
        Set<String> ids = guarded ? resolveChecked(request, spec) : resolve(request);
        if (!request.memoryIds().isEmpty()) {
            // facts drawn from a named memory go with it; selectors need no such step, as facts carry their source's
            // tags and time
            ids.addAll(extractedFrom(request, ids));
        }
        if (ids.isEmpty()) {
            return new ForgetResult(0, 0);
        }
        int n = purge
                ? store.delete(ids, request.bankId())
                : store.softDelete(ids, request.bankId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return new ForgetResult(n, 0);
    }

    /** The selected memories, read from the store so their ages can be checked; refuses what the spec forbids. */
    private Set<String> resolveChecked(ForgetRequest request, ForgetSpec spec) {
        Set<String> wanted = request.memoryIds().isEmpty() ? null : Set.copyOf(request.memoryIds());
        VectorFilters filters = filters(request);
        Instant youngest = spec.minAgeDays() == null ? null
                : clock.instant().minus(java.time.Duration.ofDays(spec.minAgeDays()));
        Set<String> ids = new LinkedHashSet<>();
        for (ListCursor after = null;;) {
            List<VectorItem> page = store.listItems(request.bankId(), after, PAGE, filters);
            for (VectorItem item : page) {
                if (wanted != null && !wanted.contains(item.id())) {
                    continue;
                }
                if (youngest != null && item.retainedAt() != null && item.retainedAt().isAfter(youngest)) {
                    throw new MipRoutingException("memory " + item.id() + " of bank " + request.bankId()
                            + " is younger than the bank's forget min_age_days (" + spec.minAgeDays()
                            + "); nothing was forgotten");
                }
                ids.add(item.id());
            }
            if (page.size() < PAGE) {
                break;
            }
            after = ListCursor.afterLast(page);
        }
        if (spec.maxPerCall() != null && ids.size() > spec.maxPerCall()) {
            throw new MipRoutingException("this forget selects " + ids.size() + " memories of bank " + request.bankId()
                    + "; the bank's forget max_per_call is " + spec.maxPerCall() + "; nothing was forgotten");
        }
        return ids;
    }

    private Set<String> resolve(ForgetRequest request) {
        boolean byIdsOnly = !request.isScopeAll() && request.tags().isEmpty() && request.beforeDate() == null;
        if (byIdsOnly) {
            return new LinkedHashSet<>(request.memoryIds());
        }
        VectorFilters filters = filters(request);
        Set<String> wanted = request.memoryIds().isEmpty() ? null : Set.copyOf(request.memoryIds());
        Set<String> ids = new LinkedHashSet<>();
        // Collect every id before changing anything, so the listing sees the bank as it was.
        for (ListCursor after = null;;) {
            List<VectorItem> page = store.listItems(request.bankId(), after, PAGE, filters);
            for (VectorItem item : page) {
                if (wanted == null || wanted.contains(item.id())) {
                    ids.add(item.id());
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = ListCursor.afterLast(page);
        }
        return ids;
    }

    /** The facts extracted from any of {@code sources} (metadata {@value RetainPipeline#EXTRACTED_FROM}). */
    private Set<String> extractedFrom(ForgetRequest request, Set<String> sources) {
        Set<String> facts = new LinkedHashSet<>();
        for (String source : sources) {
            VectorFilters filters = new VectorFilters(null, null, null, java.util.Map.of(RetainPipeline.EXTRACTED_FROM,
                    source), null, null, request.compliance(), true);
            for (ListCursor after = null;;) {
                List<VectorItem> page = store.listItems(request.bankId(), after, PAGE, filters);
                for (VectorItem item : page) {
                    facts.add(item.id());
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = ListCursor.afterLast(page);
            }
        }
        return facts;
    }

    private static VectorFilters filters(ForgetRequest request) {
        return new VectorFilters(Set.copyOf(request.tags()), null,
                request.beforeDate() == null ? null : new TimeRange(null, request.beforeDate()), null, null, null,
                request.compliance(), true); // archived memories are forgotten like any other
    }
}
