package io.astrocyte.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.Astrocyte;
import io.astrocyte.AstrocyteException;
import io.astrocyte.AuthorizationException;
import io.astrocyte.config.McpConfig;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;
import io.astrocyte.spi.HealthStatus;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools of SPEC §6.8 for any MCP client. Arguments are read exactly as the REST bodies are
 * ({@link MemoryVerbs}), so a tool and its route accept and answer the same fields. Each call acts as the caller its
 * connection authenticated (API key or JWT over HTTP, {@code mcp.principal} over stdio); {@code mcp.*} only narrows
 * what is offered: reflect unless {@code expose_reflect: false}, forget and the admin tools only when exposed,
 * recall clamped to {@code max_results_limit}, {@code default_bank_id} filled in when a call names no bank. A refused
 * call is a tool error carrying the refusal's class and message; anything unexpected only its class.
 */
public final class McpMemoryTools {

    /** The transport-context key under which the authenticated caller travels. */
    static final String CALLER = "astrocyte.caller";

    private static final Logger LOG = LoggerFactory.getLogger(McpMemoryTools.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Astrocyte brain;
    private final MemoryVerbs verbs;
    private final McpConfig config;
    private final AstrocyteContext stdioCaller;

    /** @param stdioCaller the caller over stdio (no request to authenticate), or {@code null} over HTTP */
    public McpMemoryTools(Astrocyte brain, MemoryVerbs verbs, McpConfig config, AstrocyteContext stdioCaller) {
        this.brain = brain;
        this.verbs = verbs;
        this.config = config;
        this.stdioCaller = stdioCaller;
    }

    /** The tools this configuration offers. */
    @SuppressWarnings("unchecked")
    public List<SyncToolSpecification> tools() {
        List<SyncToolSpecification> out = new ArrayList<>();
        out.add(tool("memory_retain", "Store a memory in a bank so it can be recalled later.",
                schema(List.of("content"), "content", "string:the text to remember", "bank_id", BANK,
                        "tags", "strings:labels to filter by later", "metadata", "object:string keys and values",
                        "occurred_at", "string:when it happened, ISO-8601",
                        "content_type", "string:text, conversation, transcript, document, email or event",
                        "extraction_profile", "string:a configured extraction profile, e.g. builtin_conversation"),
                (caller, args) -> verbs.retain(args, caller)));
        out.add(tool("memory_recall", "Find the memories of a bank most relevant to a query, best first.",
                schema(List.of("query"), "query", "string:what to look for", "bank_id", BANK,
                        "banks", "strings:several banks to search at once", "max_results",
                        "integer:at most this many hits (default 10, at most " + config.maxResultsLimit() + ")",
                        "tags", "strings:only memories with these tags"),
                (caller, args) -> {
                    Map<String, Object> full = verbs.recall(args, caller, config.maxResultsLimit());
                    List<Map<String, Object>> hits = new ArrayList<>();
                    for (Map<String, Object> h : (List<Map<String, Object>>) full.get("hits")) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        for (String k : List.of("text", "score", "fact_type", "bank_id", "memory_id")) {
                            m.put(k, h.get(k));
                        }
                        hits.add(m);
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("hits", hits);
                    r.put("total_available", full.get("total_available"));
                    r.put("truncated", full.get("truncated"));
                    return r;
                }));
        if (config.exposeReflect()) {
            out.add(tool("memory_reflect", "Answer a question from a bank's memories.",
                    schema(List.of("query"), "query", "string:the question", "bank_id", BANK,
                            "max_tokens", "integer:the most memory text to read"),
                    (caller, args) -> verbs.reflect(args, caller)));
        }
        if (config.exposeForget()) {
            out.add(tool("memory_forget", "Forget memories of a bank by id or by tag.",
                    schema(List.of(), "bank_id", BANK, "memory_ids", "strings:the memories to forget",
                            "tags", "strings:forget the memories with any of these tags"),
                    (caller, args) -> verbs.forget(args, caller)));
        }
        out.add(tool("memory_history", "What a bank remembered at a past moment.",
                schema(List.of("query", "as_of"), "query", "string:what to look for", "as_of",
                        "string:the moment, ISO-8601", "bank_id", BANK, "max_results", "integer:at most this many"),
                (caller, args) -> verbs.history(args, caller, config.maxResultsLimit())));
        out.add(tool("memory_banks", "The banks this caller may read.", schema(List.of()),
                (caller, args) -> banks(caller)));
        out.add(tool("memory_health", "Whether the memory store answers.", schema(List.of()),
                (caller, args) -> health()));
        if (config.exposeAdmin()) {
            out.add(tool("memory_bank_health", "A bank's health score, status and issues (needs admin).",
                    schema(List.of(), "bank_id", BANK),
                    (caller, args) -> AdminBodies.health(brain.bankHealth(bank(args), caller))));
            out.add(tool("memory_hold_set", "Put a bank under a legal hold: nothing in it is forgotten until"
                    + " released (needs admin).", schema(List.of("hold_id", "reason"), "bank_id", BANK,
                            "hold_id", "string:a name for the hold", "reason", "string:why"),
                    (caller, args) -> AdminBodies.hold(brain.setLegalHold(bank(args),
                            Bodies.text(args, "hold_id", true), Bodies.text(args, "reason", true), caller))));
            out.add(tool("memory_hold_release", "Release a legal hold (needs admin).",
                    schema(List.of("hold_id"), "bank_id", BANK, "hold_id", "string:the hold to release"),
                    (caller, args) -> Map.of("released", brain.releaseLegalHold(bank(args),
                            Bodies.text(args, "hold_id", true), caller))));
            out.add(tool("memory_lifecycle", "Apply a bank's retention now: archive and purge what is due"
                    + " (needs admin).", schema(List.of(), "bank_id", BANK),
                    (caller, args) -> AdminBodies.lifecycle(brain.runLifecycle(bank(args), caller))));
        }
        return out;
    }

    private static final String BANK = "string:the bank (default: the server's mcp.default_bank_id)";

    private Map<String, Object> banks(AstrocyteContext caller) {
        TreeSet<String> banks = new TreeSet<>(brain.access().readableBanks(caller));
        String own = brain.access().conventionBank(caller.onBehalfOf() != null ? caller.onBehalfOf()
                : caller.actor());
        if (brain.access().check(caller, own, Permission.READ).allowed()) {
            banks.add(own);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("banks", List.copyOf(banks));
        out.put("default_bank_id", config.defaultBankId());
        return out;
    }

    private Map<String, Object> health() {
        HealthStatus h = brain.health();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("healthy", h.healthy());
        out.put("message", h.message());
        return out;
    }

    private String bank(Map<String, Object> args) {
        return Bodies.text(args, "bank_id", true);
    }

    private SyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema,
            BiFunction<AstrocyteContext, Map<String, Object>, Map<String, Object>> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(inputSchema)
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                AstrocyteContext caller = caller(exchange);
                Map<String, Object> args = new HashMap<>(request.arguments() == null ? Map.of()
                        : request.arguments());
                if (config.defaultBankId() != null && args.get("bank_id") == null && args.get("banks") == null) {
                    args.put("bank_id", config.defaultBankId());
                }
                Map<String, Object> result = call.apply(caller, args);
                return McpSchema.CallToolResult.builder().addTextContent(JSON.writeValueAsString(result))
                        .structuredContent(result).isError(false).build();
            } catch (AstrocyteException e) {
                return error(e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException | JsonProcessingException e) {
                LOG.error("MCP tool {} failed", name, e);
                return error("InternalError");
            }
        }).build();
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    private AstrocyteContext caller(McpSyncServerExchange exchange) {
        Object c = exchange == null || exchange.transportContext() == null ? null
                : exchange.transportContext().get(CALLER);
        if (c instanceof AstrocyteContext ctx) {
            return ctx;
        }
        if (stdioCaller != null) {
            return stdioCaller;
        }
        throw new AuthorizationException("no credentials on this MCP connection");
    }

    /**
     * A JSON Schema object with the given required names and (name, "type:description") pairs, where type is
     * string, integer, object or strings (an array of strings).
     */
    private static Map<String, Object> schema(List<String> required, String... pairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String[] td = pairs[i + 1].split(":", 2);
            Map<String, Object> p = new LinkedHashMap<>();
            if (td[0].equals("strings")) {
                p.put("type", "array");
                p.put("items", Map.of("type", "string"));
            } else {
                p.put("type", td[0]);
            }
            p.put("description", td[1]);
            properties.put(pairs[i], p);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }
}
