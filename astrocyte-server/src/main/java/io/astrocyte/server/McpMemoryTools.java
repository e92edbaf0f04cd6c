package io.astrocyte.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.identity.AstrocyteContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.mcp.McpToolUtils;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The MCP tools of SPEC §6.8, for any MCP client: {@code memory_retain}, {@code memory_recall},
 * {@code memory_reflect} and {@code memory_health}. Each call acts as the caller its MCP connection authenticated
 * (an API key or JWT on the HTTP request, {@code memory-server.mcp-principal} over stdio); a refused call comes back
 * as a tool error carrying the refusal's message.
 */
public class McpMemoryTools {

    /** The transport-context key under which the authenticated caller travels. */
    static final String CALLER = "astrocyte.caller";

    private final Astrocyte brain;
    private final AstrocyteContext stdioCaller;
    private final int maxResults;

    /** @param stdioCaller the caller over stdio (no HTTP request to authenticate), or {@code null} */
    public McpMemoryTools(Astrocyte brain, AstrocyteContext stdioCaller, int maxResults) {
        this.brain = brain;
        this.stdioCaller = stdioCaller;
        this.maxResults = maxResults;
    }

    @Tool(name = "memory_retain", description = "Store a memory in a bank so it can be recalled later.")
    public Map<String, Object> retain(@ToolParam(description = "the text to remember") String content,
            @ToolParam(description = "the bank to store it in") String bank_id,
            @ToolParam(description = "optional tags", required = false) List<String> tags, ToolContext context) {
        AstrocyteContext caller = caller(context);
        var r = brain.retain(RetainRequest.builder(bank_id, content).tags(tags).build(), caller);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", r.stored());
        out.put("memory_id", r.memoryId());
        out.put("error", r.error());
        return out;
    }

    @Tool(name = "memory_recall", description = "Find memories of a bank relevant to a query, best first.")
    public Map<String, Object> recall(@ToolParam(description = "what to look for") String query,
            @ToolParam(description = "the bank to search") String bank_id,
            @ToolParam(description = "at most this many hits (default 10)", required = false) Integer max_results,
            ToolContext context) {
        AstrocyteContext caller = caller(context);
        int max = Math.min(maxResults, max_results == null ? 10 : Math.max(0, max_results));
        var r = brain.recall(RecallRequest.builder(query).bankId(bank_id).maxResults(max).build(), caller);
        List<Map<String, Object>> hits = r.hits().stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", h.text());
            m.put("score", h.score());
            m.put("fact_type", h.factType());
            m.put("bank_id", h.bankId());
            m.put("memory_id", h.memoryId());
            return m;
        }).toList();
        return Map.of("hits", hits, "total_available", r.totalAvailable(), "truncated", r.truncated());
    }

    @Tool(name = "memory_reflect", description = "Answer a question from a bank's memories.")
    public Map<String, Object> reflect(@ToolParam(description = "the question") String query,
            @ToolParam(description = "the bank to answer from") String bank_id, ToolContext context) {
        AstrocyteContext caller = caller(context);
        var r = brain.reflect(ReflectRequest.builder(query).bankId(bank_id).build(), caller);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", r.answer());
        out.put("confidence", r.confidence());
        return out;
    }

    @Tool(name = "memory_health", description = "Whether the memory store answers.")
    public Map<String, Object> health() {
        var h = brain.health();
        return Map.of("healthy", h.healthy());
    }

    private AstrocyteContext caller(ToolContext context) {
        Object c = McpToolUtils.getMcpExchange(context).map(e -> e.transportContext().get(CALLER)).orElse(null);
        if (c instanceof AstrocyteContext ctx) {
            return ctx;
        }
        if (stdioCaller != null) {
            return stdioCaller;
        }
        throw new AuthorizationException("no credentials on this MCP connection");
    }
}
