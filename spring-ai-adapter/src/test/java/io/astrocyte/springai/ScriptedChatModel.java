package io.astrocyte.springai;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * Test double: a chat model that plays a script. Each call takes the next scripted tool call (if any) and
 * asks for it; once the script is used up it answers {@code DONE: } followed by the tool results it was
 * given in the latest prompt. Every prompt is recorded. Its options are tool-calling options, as a real
 * tool-capable model's are, so ChatClient hands it the tools and runs its tool loop.
 */
public final class ScriptedChatModel implements ChatModel {

    public final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    private final Deque<AssistantMessage.ToolCall> script = new ArrayDeque<>();
    private int nextId = 1;

    /** Queues a tool call the model will make; {@code arguments} is the JSON object it sends. */
    public ScriptedChatModel callTool(String name, String arguments) {
        script.add(new AssistantMessage.ToolCall("call-" + nextId++, "function", name, arguments));
        return this;
    }

    @Override
    public ChatOptions getOptions() {
        return ToolCallingChatOptions.builder().build();
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        AssistantMessage reply;
        if (!script.isEmpty()) {
            reply = AssistantMessage.builder().content("").toolCalls(List.of(script.poll())).build();
        } else {
            StringBuilder answer = new StringBuilder("DONE:");
            List<Message> messages = prompt.getInstructions();
            if (!messages.isEmpty() && messages.get(messages.size() - 1) instanceof ToolResponseMessage t) {
                t.getResponses().forEach(r -> answer.append(' ').append(r.responseData()));
            }
            reply = new AssistantMessage(answer.toString());
        }
        return new ChatResponse(List.of(new Generation(reply)));
    }
}
