package io.astrocyte.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.HistoryResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.AstrocyteContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The memory verbs of REST {@code /v1} (SPEC §1.11), with the upstream gateway's request and response bodies. Every
 * call acts as the caller {@link CallerResolver} authenticates; the body never names who is calling.
 */
@RestController
public class MemoryController {

    /** Results are clamped here whatever the body asks (SPEC §1.11). */
    static final int MAX_RESULTS = 1000;

    private final Astrocyte brain;

    public MemoryController(Astrocyte brain) {
        this.brain = brain;
    }

    @PostMapping("/v1/retain")
    public Map<String, Object> retain(@RequestBody Map<String, Object> body, AstrocyteContext context) {
        RetainRequest.Builder b = RetainRequest.builder(Bodies.text(body, "bank_id", true),
                Bodies.text(body, "content", true));
        Map<String, Object> metadata = Bodies.object(body, "metadata");
        if (metadata != null) {
            b.metadata(metadata);
        }
        List<String> tags = Bodies.strings(body, "tags");
        if (tags != null) {
            b.tags(tags);
        }
        RetainResult r = brain.retain(b.build(), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", r.stored());
        out.put("memory_id", r.memoryId());
        out.put("deduplicated", r.deduplicated());
        out.put("error", r.error());
        out.put("retention_action", r.retentionAction() == null ? null
                : r.retentionAction().name().toLowerCase(java.util.Locale.ROOT));
        out.put("curated", r.curated());
        out.put("memory_layer", r.memoryLayer());
        return out;
    }

    @PostMapping("/v1/recall")
    public Map<String, Object> recall(@RequestBody Map<String, Object> body, AstrocyteContext context) {
        RecallRequest.Builder b = RecallRequest.builder(Bodies.text(body, "query", true))
                .bankId(Bodies.text(body, "bank_id", false)).banks(Bodies.strings(body, "banks"))
                .maxTokens(Bodies.integer(body, "max_tokens")).tags(Bodies.strings(body, "tags"));
        Integer max = Bodies.integer(body, "max_results");
        b.maxResults(Math.min(MAX_RESULTS, max == null ? RecallRequest.DEFAULT_MAX_RESULTS : max));
        RecallResult r = brain.recall(b.build(), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hits", hits(r.hits()));
        out.put("total_available", r.totalAvailable());
        out.put("truncated", r.truncated());
        out.put("top_semantic_score", r.hits().isEmpty() ? 0.0 : r.hits().get(0).score());
        out.put("trace", null);
        out.put("authority_context", null);
        return out;
    }

    @PostMapping("/v1/reflect")
    public Map<String, Object> reflect(@RequestBody Map<String, Object> body, AstrocyteContext context) {
        ReflectRequest.Builder b = ReflectRequest.builder(Bodies.text(body, "query", true))
                .bankId(Bodies.text(body, "bank_id", true)).maxTokens(Bodies.integer(body, "max_tokens"));
        Boolean sources = Bodies.bool(body, "include_sources");
        b.includeSources(sources == null || sources);
        ReflectResult r = brain.reflect(b.build(), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", r.answer());
        out.put("confidence", r.confidence());
        out.put("sources", r.sources() == null ? null : hits(r.sources()));
        out.put("observations", r.observations());
        out.put("authority_context", r.authorityContext());
        return out;
    }

    @PostMapping("/v1/forget")
    public Map<String, Object> forget(@RequestBody Map<String, Object> body, AstrocyteContext context) {
        String bank = Bodies.text(body, "bank_id", true);
        String scope = Bodies.text(body, "scope", false);
        List<String> ids = Bodies.strings(body, "memory_ids");
        List<String> tags = Bodies.strings(body, "tags");
        ForgetRequest request;
        if ("all".equals(scope)) {
            request = ForgetRequest.all(bank);
        } else if (scope != null) {
            throw new io.astrocyte.InvalidRequestException("scope", "must be \"all\" or absent");
        } else if (ids != null && !ids.isEmpty()) {
            request = ForgetRequest.byIds(bank, ids);
        } else if (tags != null && !tags.isEmpty()) {
            request = ForgetRequest.byTags(bank, tags);
        } else {
            throw new io.astrocyte.InvalidRequestException("memory_ids", "name memory_ids, tags or scope \"all\"");
        }
        ForgetResult r = brain.forget(request, context);
        return Map.of("deleted_count", r.deletedCount(), "archived_count", r.archivedCount());
    }

    @PostMapping("/v1/history")
    public Map<String, Object> history(@RequestBody Map<String, Object> body, AstrocyteContext context) {
        String asOf = Bodies.text(body, "as_of", true);
        Instant at;
        try {
            at = Instant.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                at = java.time.OffsetDateTime.parse(asOf).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                throw new io.astrocyte.InvalidRequestException("as_of", "must be an ISO-8601 date-time");
            }
        }
        Integer max = Bodies.integer(body, "max_results");
        HistoryResult r = brain.history(new HistoryRequest(Bodies.text(body, "query", true),
                Bodies.text(body, "bank_id", true), at, Math.min(MAX_RESULTS,
                        max == null ? RecallRequest.DEFAULT_MAX_RESULTS : max),
                Bodies.integer(body, "max_tokens"), Bodies.strings(body, "tags")), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hits", hits(r.hits()));
        out.put("total_available", r.totalAvailable());
        out.put("truncated", r.truncated());
        out.put("as_of", r.asOf().toString());
        out.put("bank_id", r.bankId());
        return out;
    }

    static List<Map<String, Object>> hits(List<MemoryHit> hits) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MemoryHit h : hits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", h.text());
            m.put("score", h.score());
            m.put("fact_type", h.factType());
            m.put("metadata", h.metadata());
            m.put("tags", h.tags());
            m.put("occurred_at", h.occurredAt() == null ? null : h.occurredAt().toString());
            m.put("source", h.source());
            m.put("memory_id", h.memoryId());
            m.put("bank_id", h.bankId());
            m.put("memory_layer", h.memoryLayer());
            m.put("utility_score", h.utilityScore());
            m.put("retained_at", h.retainedAt() == null ? null : h.retainedAt().toString());
            m.put("chunk_id", h.chunkId());
            out.add(m);
        }
        return out;
    }
}
