package io.astrocyte.samples.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a real chat model, so the sample runs offline with no API key. It is not
 * a language model: it follows three rules. "remember that X" calls the {@code memory_retain} tool with X;
 * a tool result is acknowledged; anything else is answered from the memories the retrieval augmentor put
 * into the message, or with "nothing remembered yet".
 */
final class OfflineChatModel implements ChatModel {

    private static final String MEMORY_HEADING = io.astrocyte.integration.MemoryPreamble.HEADER;
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.get(messages.size() - 1);
        if (last instanceof ToolExecutionResultMessage result) {
            return answer("Noted. (" + result.text() + ")");
        }
        String text = last instanceof UserMessage u && u.hasSingleText() ? u.singleText() : "";
        String question = text.contains(MEMORY_HEADING) ? text.substring(0, text.indexOf(MEMORY_HEADING)).strip()
                : text.strip();
        int remember = question.toLowerCase(Locale.ROOT).indexOf("remember that ");
        if (remember >= 0) {
            String fact = question.substring(remember + "remember that ".length()).replaceAll("[.!]+$", "");
            String arguments = "{\"content\": \"" + fact.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            return ChatResponse.builder().aiMessage(AiMessage.from(ToolExecutionRequest.builder()
                    .id("offline-" + calls.incrementAndGet()).name("memory_retain").arguments(arguments).build()))
                    .build();
        }
        if (!text.contains(MEMORY_HEADING)) {
            return answer("I don't remember anything about that yet.");
        }
        List<String> memories = new ArrayList<>();
        for (String line : text.substring(text.indexOf(MEMORY_HEADING)).split("\n")) {
            if (!line.isBlank() && !line.startsWith(MEMORY_HEADING) && !line.startsWith("occurred_at")) {
                memories.add(line.strip());
            }
        }
        return answer("From what I remember: " + String.join("; ", memories) + ".");
    }

    private static ChatResponse answer(String text) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
    }
}
