package io.astrocyte.spi;

import java.util.Objects;

/** One chat message sent to an {@link LlmProvider}. */
public record Message(Role role, String content) {

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static Message system(String content) {
        return new Message(Role.SYSTEM, content);
    }

    public static Message user(String content) {
        return new Message(Role.USER, content);
    }
}
