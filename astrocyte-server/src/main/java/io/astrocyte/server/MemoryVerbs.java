package io.astrocyte.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.ExportRequest;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.HistoryResult;
import io.astrocyte.api.ImportRequest;
import io.astrocyte.api.ImportResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RecallTrace;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The memory verbs with the upstream gateway's request and response bodies (SPEC §1.11), shared by the REST routes
 * and the MCP tools so both read a body and answer alike. Every method acts as the caller it is given; a body never
 * names who is calling. A field of the wrong type is an {@link io.astrocyte.InvalidRequestException} naming it.
 */
@Component
public class MemoryVerbs {

    /** Results are clamped here whatever the body asks (SPEC §1.11). */
    static final int MAX_RESULTS = 1000;

    private final Astrocyte brain;
    private final List<Path> portabilityRoots;

    public MemoryVerbs(Astrocyte brain, ServerProperties properties) {
        this.brain = brain;
        this.portabilityRoots = properties.getPortabilityRoots().stream().map(Path::of).toList();
    }

    public Map<String, Object> retain(Map<String, Object> body, AstrocyteContext context) {
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
        b.occurredAt(Bodies.instant(body, "occurred_at", false));
        String contentType = Bodies.text(body, "content_type", false);
        if (contentType != null) {
            b.contentType(io.astrocyte.api.ContentType.fromWire(contentType));
        }
        b.extractionProfile(Bodies.text(body, "extraction_profile", false));
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
        out.put("fact_ids", r.factIds());
        out.put("extraction_error", r.extractionError());
        return out;
    }

    public Map<String, Object> recall(Map<String, Object> body, AstrocyteContext context) {
        return recall(body, context, MAX_RESULTS);
    }

    /** A recall whose {@code max_results} is clamped to {@code limit}. */
    public Map<String, Object> recall(Map<String, Object> body, AstrocyteContext context, int limit) {
        RecallResult r = brain.recall(recallRequest(body, limit), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hits", hits(r.hits()));
        out.put("total_available", r.totalAvailable());
        out.put("truncated", r.truncated());
        out.put("top_semantic_score", r.hits().isEmpty() ? 0.0 : r.hits().get(0).score());
        out.put("trace", null);
        out.put("authority_context", null);
        return out;
    }

    /** {@code /v1/debug/recall}: the same recall, answering only how it ran and how many hits it found. */
    public Map<String, Object> debugRecall(Map<String, Object> body, AstrocyteContext context) {
        RecallResult r = brain.recall(recallRequest(body, MAX_RESULTS), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trace", trace(r.trace()));
        out.put("result_count", r.hits().size());
        return out;
    }

    private static RecallRequest recallRequest(Map<String, Object> body, int limit) {
        RecallRequest.Builder b = RecallRequest.builder(Bodies.text(body, "query", true))
                .bankId(Bodies.text(body, "bank_id", false)).banks(Bodies.strings(body, "banks"))
                .maxTokens(Bodies.integer(body, "max_tokens")).tags(Bodies.strings(body, "tags"));
        Integer max = Bodies.integer(body, "max_results");
        b.maxResults(Math.max(0, Math.min(limit, max == null ? RecallRequest.DEFAULT_MAX_RESULTS : max)));
        return b.build();
    }

    private static Map<String, Object> trace(RecallTrace t) {
        if (t == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategies_used", t.strategiesUsed());
        out.put("total_candidates", t.totalCandidates());
        out.put("fusion_method", t.fusionMethod());
        out.put("latency_ms", t.latencyMs());
        out.put("strategy_timings_ms", t.strategyTimingsMs());
        out.put("strategy_candidate_counts", t.strategyCandidateCounts());
        out.put("tier_used", t.tierUsed());
        out.put("layer_distribution", t.layerDistribution());
        out.put("cache_hit", t.cacheHit());
        out.put("wiki_tier_used", t.wikiTierUsed());
        return out;
    }

    public Map<String, Object> reflect(Map<String, Object> body, AstrocyteContext context) {
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

    public Map<String, Object> forget(Map<String, Object> body, AstrocyteContext context) {
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

    public Map<String, Object> history(Map<String, Object> body, AstrocyteContext context) {
        return history(body, context, MAX_RESULTS);
    }

    /** A history query whose {@code max_results} is clamped to {@code limit}. */
    public Map<String, Object> history(Map<String, Object> body, AstrocyteContext context, int limit) {
        Instant at = Bodies.instant(body, "as_of", true);
        Integer max = Bodies.integer(body, "max_results");
        HistoryResult r = brain.history(new HistoryRequest(Bodies.text(body, "query", true),
                Bodies.text(body, "bank_id", true), at, Math.max(0, Math.min(limit,
                        max == null ? RecallRequest.DEFAULT_MAX_RESULTS : max)),
                Bodies.integer(body, "max_tokens"), Bodies.strings(body, "tags")), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hits", hits(r.hits()));
        out.put("total_available", r.totalAvailable());
        out.put("truncated", r.truncated());
        out.put("as_of", r.asOf().toString());
        out.put("bank_id", r.bankId());
        return out;
    }

    /**
     * {@code /v1/export}: writes the bank as AMA JSONL to a path on the server, which must lie under
     * {@code memory-server.portability-roots} (or {@code ASTROCYTE_PORTABILITY_ROOTS}); needs admin on the bank.
     */
    public Map<String, Object> export(Map<String, Object> body, AstrocyteContext context) {
        String bank = Bodies.text(body, "bank_id", true);
        String path = Bodies.text(body, "path", true);
        Boolean embeddings = Bodies.bool(body, "include_embeddings");
        Boolean entities = Bodies.bool(body, "include_entities");
        ExportRequest request = new ExportRequest(bank, embeddings != null && embeddings,
                entities == null || entities, portabilityRoots, false);
        long count = brain.exportBank(request, file(path), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bank_id", bank);
        out.put("path", path);
        out.put("exported_count", count);
        return out;
    }

    /** {@code /v1/import}: reads AMA JSONL from a path on the server under the same roots; needs admin. */
    public Map<String, Object> importBank(Map<String, Object> body, AstrocyteContext context) {
        String bank = Bodies.text(body, "bank_id", true);
        String path = Bodies.text(body, "path", true);
        String conflict = Bodies.text(body, "on_conflict", false);
        ImportRequest.OnConflict onConflict;
        if (conflict == null || conflict.equals("skip")) {
            onConflict = ImportRequest.OnConflict.SKIP;
        } else if (conflict.equals("overwrite")) {
            onConflict = ImportRequest.OnConflict.OVERWRITE;
        } else {
            throw new io.astrocyte.InvalidRequestException("on_conflict", "must be \"skip\" or \"overwrite\"");
        }
        ImportResult r = brain.importBank(new ImportRequest(bank, onConflict, portabilityRoots, false, null),
                file(path), context);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("imported", r.imported());
        out.put("skipped", r.skipped());
        out.put("errors", r.errors().size());
        return out;
    }

    private static Path file(String path) {
        try {
            return Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new io.astrocyte.lifecycle.PathNotAllowedException("not a valid path");
        }
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
