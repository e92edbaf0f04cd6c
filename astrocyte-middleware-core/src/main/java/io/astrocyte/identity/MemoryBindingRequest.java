package io.astrocyte.identity;

import java.util.Map;

/**
 * What an integration knows about a framework call when it asks a {@link MemoryBindingResolver} for the
 * binding: the conversation (LangChain4j's {@code @MemoryId}, Spring AI's conversation id, …) and the
 * call's parameters (LangChain4j invocation parameters, Spring AI advisor context, kernel arguments).
 *
 * @param conversationId the framework's conversation or memory id; {@code null} when the call has none
 * @param attributes     the call's parameters, never {@code null}
 */
public record MemoryBindingRequest(Object conversationId, Map<String, Object> attributes) {

    public MemoryBindingRequest {
        attributes = attributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
