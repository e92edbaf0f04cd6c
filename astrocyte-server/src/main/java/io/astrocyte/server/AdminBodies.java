package io.astrocyte.server;

import io.astrocyte.api.BankHealth;
import io.astrocyte.api.LegalHold;
import io.astrocyte.api.LifecycleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The upstream gateway's response bodies for bank health, legal holds and lifecycle, for REST and MCP alike. */
final class AdminBodies {

    private AdminBodies() {
    }

    static Map<String, Object> health(BankHealth h) {
        List<Map<String, Object>> issues = new ArrayList<>();
        h.issues().forEach(i -> issues.add(Map.of("severity", i.severity().name().toLowerCase(Locale.ROOT),
                "code", i.code(), "message", i.message(), "recommendation", i.recommendation())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bank_id", h.bankId());
        out.put("score", h.score());
        out.put("status", h.status().name().toLowerCase(Locale.ROOT));
        out.put("issues", issues);
        out.put("metrics", h.metrics());
        out.put("assessed_at", h.assessedAt().toString());
        return out;
    }

    static Map<String, Object> hold(LegalHold h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hold_id", h.holdId());
        out.put("bank_id", h.bankId());
        out.put("reason", h.reason());
        out.put("set_at", h.setAt().toString());
        out.put("set_by", h.setBy());
        return out;
    }

    static Map<String, Object> lifecycle(LifecycleResult r) {
        List<Map<String, Object>> actions = new ArrayList<>();
        r.actions().forEach(a -> actions.add(Map.of("memory_id", a.memoryId(), "action", a.action(),
                "reason", a.reason())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("archived_count", r.archivedCount());
        out.put("deleted_count", r.deletedCount());
        out.put("skipped_count", r.skippedCount());
        out.put("actions", actions);
        return out;
    }
}
