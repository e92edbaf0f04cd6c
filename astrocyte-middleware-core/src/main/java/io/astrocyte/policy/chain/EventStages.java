package io.astrocyte.policy.chain;

import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.observe.Telemetry;
import java.util.Map;

/**
 * The last stage of every verb: tells hooks, webhooks and metrics what happened. Listeners run on their own
 * threads where configured; a failing listener never fails the call. Events carry sizes and ids; the content
 * itself only goes to hooks that asked for it.
 */
final class EventStages {

    private final HookDispatcher hooks;
    private final Telemetry telemetry;

    EventStages(HookDispatcher hooks, Telemetry telemetry) {
        this.hooks = hooks;
        this.telemetry = telemetry;
    }

    RequestPath.Stage<RetainRequest, RetainResult> retain() {
        return (call, rest) -> {
            RetainResult r = rest.proceed(call);
            RetainRequest q = call.original();
            if (r.stored()) {
                hooks.fire("on_retain", call.request().bankId(), Map.of("memory_id", r.memoryId(), "memory_count",
                        r.memoryIds().size(), "content_length", q.content().length()),
                        () -> Map.of("content", q.content()));
            }
            return r;
        };
    }

    RequestPath.Stage<RecallRequest, RecallResult> recall() {
        return (call, rest) -> {
            RecallResult r = rest.proceed(call);
            RecallRequest q = call.original();
            if (r.truncated()) {
                telemetry.truncated(q.bankId());
            }
            hooks.fire("on_recall", q.bankId(), Map.of("query_length", q.query().length(),
                    "result_count", r.hits().size(), "bank_count", q.targetBanks().size()),
                    () -> Map.of("query", q.query()));
            return r;
        };
    }

    RequestPath.Stage<ReflectRequest, ReflectResult> reflect() {
        return (call, rest) -> {
            ReflectResult a = rest.proceed(call);
            ReflectRequest q = call.original();
            hooks.fire("on_reflect", q.bankId(), Map.of("query_length", q.query().length(),
                    "answer_length", a.answer() == null ? 0 : a.answer().length(),
                    "bank_count", q.targetBanks().size()),
                    () -> Map.of("query", q.query(), "answer", a.answer() == null ? "" : a.answer()));
            return a;
        };
    }

    RequestPath.Stage<ForgetRequest, ForgetResult> forget() {
        return (call, rest) -> {
            ForgetResult f = rest.proceed(call);
            hooks.fire("on_forget", call.original().bankId(), Map.of("deleted_count", f.deletedCount(),
                    "archived_count", f.archivedCount()), null);
            return f;
        };
    }
}
