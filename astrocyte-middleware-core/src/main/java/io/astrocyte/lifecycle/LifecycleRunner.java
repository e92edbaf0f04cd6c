package io.astrocyte.lifecycle;

import io.astrocyte.api.BankIds;
import io.astrocyte.api.LifecycleResult;
import io.astrocyte.audit.AuditRecorder;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.LifecycleConfig;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.policy.escalation.StoreCalls;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs lifecycle on a bank (SPEC §6.4): reads every memory once (without vectors), decides with
 * {@link TtlPolicy}, then archives and purges in batches. A disabled lifecycle or a legal hold keeps the whole
 * bank; the hold is checked again before each purge batch, so a hold set during a pass stops its purges.
 *
 * <p>One pass per bank at a time in this process: a manual run waits for a running one, the scheduler skips a
 * bank that is busy. Across processes every action is idempotent (archiving an archived memory or purging a
 * purged one changes nothing), and counts are what this pass changed.
 */
public final class LifecycleRunner {

    /** The actor the audit trail names for scheduled passes. */
    public static final String SYSTEM_ACTOR = "system:lifecycle";
    private static final int PAGE = 1000;

    private final VectorStore store;
    private final StoreCalls calls;
    private final AstrocyteConfig config;
    private final LegalHolds holds;
    private final AccessController access;
    private final HookDispatcher hooks;
    private final AuditRecorder audit;
    private final Clock clock;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final RecallTracker recalls;

    /** @param recalls pending recall statistics, written before each pass so idle times are current; may be null */
    public LifecycleRunner(VectorStore store, StoreCalls calls, AstrocyteConfig config, LegalHolds holds,
            AccessController access, HookDispatcher hooks, AuditRecorder audit, Clock clock, RecallTracker recalls) {
        this.recalls = recalls;
        this.store = store;
        this.calls = calls;
        this.config = config;
        this.holds = holds;
        this.access = access;
        this.hooks = hooks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs a pass now, after any pass of the bank already running here. Needs {@code admin} on the bank. */
    public LifecycleResult run(String bankId, AstrocyteContext context) {
        BankIds.require("bank_id", bankId);
        access.check(context, bankId, Permission.ADMIN);
        ReentrantLock lock = lock(bankId);
        lock.lock();
        try {
            return pass(bankId, context == null ? null : context.principal());
        } finally {
            lock.unlock();
        }
    }

    /** A scheduled pass: skipped (empty) while another pass of the bank runs in this process. */
    public Optional<LifecycleResult> runIfIdle(String bankId) {
        ReentrantLock lock = lock(bankId);
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(pass(bankId, SYSTEM_ACTOR));
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lock(String bankId) {
        return running.computeIfAbsent(bankId, b -> new ReentrantLock());
    }

    private LifecycleResult pass(String bankId, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LifecycleConfig lifecycle = config.lifecycleFor(bankId);
        VectorFilters everything = VectorFilters.none().withIncludeArchived(true);
        if (!lifecycle.enabled() || holds.isUnderHold(bankId)) {
            int kept = (int) Math.min(Integer.MAX_VALUE, calls.call(() -> store.count(bankId, everything)));
            String reason = lifecycle.enabled() ? "legal_hold" : "lifecycle_disabled";
            return new LifecycleResult(bankId, 0, 0, kept, List.of(), kept == 0 ? Map.of() : Map.of(reason, kept), now);
        }
        if (recalls != null) {
            recalls.flush(); // a failure here fails the pass: archiving on stale idle times would be wrong
        }
        TtlPolicy policy = new TtlPolicy(lifecycle.ttl());
        List<String> toArchive = new ArrayList<>();
        List<String> toDelete = new ArrayList<>();
        Map<String, Integer> skipped = new HashMap<>();
        for (ListCursor after = null;;) {
            ListCursor from = after;
            List<VectorItem> page = calls.call(() -> store.listItems(bankId, from, PAGE, everything));
            for (VectorItem item : page) {
                TtlPolicy.Decision d = policy.decide(item, now);
                switch (d.outcome()) {
                    case DELETE -> toDelete.add(item.id());
                    case ARCHIVE -> toArchive.add(item.id());
                    case KEEP -> skipped.merge(d.reason(), 1, Integer::sum);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = ListCursor.afterLast(page);
        }
        int deleted = 0;
        List<LifecycleResult.Action> actions = new ArrayList<>();
        for (int from = 0; from < toDelete.size(); from += PAGE) {
            if (holds.isUnderHold(bankId)) {
                int rest = toDelete.size() - from;
                skipped.merge("legal_hold", rest, Integer::sum);
                toDelete = toDelete.subList(0, from);
                break;
            }
            List<String> batch = toDelete.subList(from, Math.min(toDelete.size(), from + PAGE));
            deleted += calls.call(() -> store.delete(batch, bankId));
            audit.record("memory.deleted", bankId, actor, batch, TtlPolicy.EXPIRED.reason(), Map.of("count", batch.size()));
        }
        toDelete.forEach(id -> actions.add(new LifecycleResult.Action(id, "delete", TtlPolicy.EXPIRED.reason())));
        int archived = 0;
        for (int from = 0; from < toArchive.size(); from += PAGE) {
            List<String> batch = toArchive.subList(from, Math.min(toArchive.size(), from + PAGE));
            archived += calls.call(() -> store.archive(batch, bankId, now));
            audit.record("memory.archived", bankId, actor, batch, TtlPolicy.UNRETRIEVED.reason(),
                    Map.of("count", batch.size()));
        }
        toArchive.forEach(id -> actions.add(new LifecycleResult.Action(id, "archive", TtlPolicy.UNRETRIEVED.reason())));
        int kept = skipped.values().stream().mapToInt(Integer::intValue).sum();
        if (archived + deleted > 0) {
            hooks.fire("on_ttl_expiry", bankId, Map.of("archived_count", archived, "deleted_count", deleted,
                    "skipped_count", kept, "actor", actor == null ? "anonymous" : actor), null);
        }
        return new LifecycleResult(bankId, archived, deleted, kept, actions, skipped, now);
    }
}
