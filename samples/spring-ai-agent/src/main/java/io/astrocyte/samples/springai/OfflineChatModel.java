package io.astrocyte.samples.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * A deterministic stand-in for a chat model, so the sample runs offline without an API key. It is not a
 * language model; it follows three rules: "remember that X" calls the {@code memory_retain} tool with X, a
 * tool result is acknowledged, and anything else is answered from the memories the Astrocyte advisor put
 * into the system message (or "nothing remembered yet").
 */
final class OfflineChatModel implements ChatModel {

    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        List<Message> messages = prompt.getInstructions();
        Message last = messages.get(messages.size() - 1);
        if (last instanceof ToolResponseMessage result) {
            return answer("Noted. (" + result.getResponses().get(0).responseData() + ")");
        }
        String question = prompt.getUserMessage() == null ? "" : prompt.getUserMessage().getText().strip();
        int remember = question.toLowerCase(Locale.ROOT).indexOf("remember that ");
        if (remember >= 0) {
            String fact = question.substring(remember + "remember that ".length()).replaceAll("[.!]+$", "");
            String arguments = "{\"content\": \"" + fact.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content("")
                    .toolCalls(List.of(new AssistantMessage.ToolCall("offline-" + calls.incrementAndGet(), "function",
                            "memory_retain", arguments))).build())));
        }
        List<String> memories = new ArrayList<>();
        SystemMessage system = prompt.getSystemMessage();
        if (system != null && system.getText() != null) {
            for (String line : system.getText().split("\n")) {
                if (line.startsWith("- ")) {
                    memories.add(line.substring(2).strip());
                }
            }
        }
        return answer(memories.isEmpty() ? "I don't remember anything about that yet."
                : "From what I remember: " + String.join("; ", memories) + ".");
    }

    private static ChatResponse answer(String text) {
        return new ChatResponse(List.of(new Generation(new AssistantMessage(text))));
    }
}
