package io.astrocyte.springai;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * Test double: a deterministic chat model that records every prompt and answers
 * {@code ECHO: <user message>}; streaming sends the same answer in two chunks.
 */
public final class EchoChatModel implements ChatModel {

    public final List<Prompt> prompts = new CopyOnWriteArrayList<>();

    /** The system text of the latest prompt ("" when it had none). */
    public String lastSystem() {
        Prompt p = prompts.get(prompts.size() - 1);
        return p.getSystemMessage() == null || p.getSystemMessage().getText() == null ? ""
                : p.getSystemMessage().getText();
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        prompts.add(prompt);
        return new ChatResponse(List.of(new Generation(new AssistantMessage("ECHO: " + user(prompt)))));
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        prompts.add(prompt);
        String answer = "ECHO: " + user(prompt);
        int half = answer.length() / 2;
        return Flux.just(answer.substring(0, half), answer.substring(half))
                .map(part -> new ChatResponse(List.of(new Generation(new AssistantMessage(part)))));
    }

    private static String user(Prompt prompt) {
        return prompt.getUserMessage() == null ? "" : prompt.getUserMessage().getText();
    }
}
