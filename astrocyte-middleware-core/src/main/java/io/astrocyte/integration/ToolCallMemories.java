package io.astrocyte.integration;

import io.astrocyte.api.RetainRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a finished tool call becomes a memory, the same in every framework: one memory holding the call and
 * its result ({@code fact_type} {@code experience}, tags {@code tool_call} and the tool name, metadata
 * {@code tool_name} and {@code tool_call_id}, source {@code tool:<name>}). Results are cut to
 * {@link #MAX_RESULT_CHARS}; Astrocyte's own memory tools are never recorded.
 */
public final class ToolCallMemories {

    /** Longest result text kept; tool results can be whole documents. */
    public static final int MAX_RESULT_CHARS = 2000;
    /** Names of Astrocyte's memory tools, which are not recorded as tool calls. */
    public static final Set<String> MEMORY_TOOLS = Set.of("memory_retain", "memory_recall", "memory_reflect",
            "memory_forget");

    private ToolCallMemories() {
    }

    /** Whether a call of this tool should be recorded. */
    public static boolean recorded(String toolName) {
        return toolName != null && !MEMORY_TOOLS.contains(toolName);
    }

    /**
     * The retain request for one finished call.
     *
     * @param callId    the framework's tool-call id; may be {@code null}
     * @param arguments the arguments as the model sent them (usually JSON)
     * @param result    the tool's result text; {@code null} counts as empty
     */
    public static RetainRequest request(String bank, String toolName, String callId, String arguments,
            String result) {
        String text = result == null ? "" : result;
        if (text.length() > MAX_RESULT_CHARS) {
            text = text.substring(0, MAX_RESULT_CHARS) + " …";
        }
        String content = "Tool call " + toolName + " with arguments " + arguments + " returned: " + text;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tool_name", toolName);
        if (callId != null) {
            metadata.put("tool_call_id", callId);
        }
        return RetainRequest.builder(bank, content).factType("experience").tags(List.of("tool_call", toolName))
                .metadata(metadata).source("tool:" + toolName).build();
    }
}
