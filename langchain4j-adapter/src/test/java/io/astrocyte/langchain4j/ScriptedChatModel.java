package io.astrocyte.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: a deterministic chat model. It records every request it receives, and answers the last
 * user message by script: {@code tool:<name>:<argument>} calls tool {@code name} with its first parameter
 * set to {@code argument}; after a tool result it answers {@code Done: <result>}; anything else is echoed
 * as {@code ECHO: <user message as the model received it>}, so tests can see what memory reached the
 * prompt.
 */
final class ScriptedChatModel implements ChatModel {

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger toolCalls = new AtomicInteger();

    /** The text of the last user message of the latest request. */
    String lastPrompt() {
        return lastUserText(requests.get(requests.size() - 1).messages());
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.get(messages.size() - 1);
        if (last instanceof ToolExecutionResultMessage result) {
            return answer("Done: " + result.text());
        }
        if (last instanceof SystemMessage system) {
            return answer("ECHO: " + system.text());
        }
        String user = lastUserText(messages);
        if (user.startsWith("tool:")) {
            String[] parts = user.split(":", 3);
            ToolSpecification spec = request.toolSpecifications().stream().filter(t -> t.name().equals(parts[1]))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no tool " + parts[1] + " offered"));
            String parameter = spec.parameters().properties().keySet().iterator().next();
            String arguments = "{\"" + parameter + "\": \"" + parts[2].replace("\"", "\\\"") + "\"}";
            return ChatResponse.builder().aiMessage(AiMessage.from(ToolExecutionRequest.builder()
                    .id("call-" + toolCalls.incrementAndGet()).name(parts[1]).arguments(arguments).build())).build();
        }
        return answer("ECHO: " + user);
    }

    private static ChatResponse answer(String text) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage u) {
                StringBuilder out = new StringBuilder();
                for (dev.langchain4j.data.message.Content c : u.contents()) {
                    if (c instanceof TextContent t) {
                        out.append(t.text());
                    }
                }
                return out.toString();
            }
        }
        return "";
    }
}
