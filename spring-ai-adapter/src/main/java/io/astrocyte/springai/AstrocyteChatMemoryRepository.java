package io.astrocyte.springai;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.integration.ConversationFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Keeps Spring AI's short-term chat window on disk, one JSON file per conversation, for apps that want the
 * window to survive restarts without a database:
 *
 * <pre>{@code
 * ChatMemory window = MessageWindowChatMemory.builder()
 *         .chatMemoryRepository(AstrocyteChatMemoryRepository.in(Path.of("astrocyte-data", "chat-memory")))
 *         .maxMessages(20).build();
 * ChatClient.builder(model).defaultAdvisors(MessageChatMemoryAdvisor.builder(window).build(), memoryAdvisor)
 * }</pre>
 *
 * <p>User, assistant (with tool calls), system and tool-response messages are kept with their text and
 * their scalar metadata; media attachments are not. Each save replaces the file atomically (temporary
 * file, fsync, rename), so a crash leaves the old window or the new one. File names are the Base64url form
 * of the conversation id. The window is the application's conversation state, not governed long-term
 * memory: it does not pass the policy layer.
 */
public final class AstrocyteChatMemoryRepository implements ChatMemoryRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversationFiles files;

    private AstrocyteChatMemoryRepository(ConversationFiles files) {
        this.files = files;
    }

    /** A repository in {@code folder}, created if missing. */
    public static AstrocyteChatMemoryRepository in(Path folder) {
        return new AstrocyteChatMemoryRepository(ConversationFiles.in(folder));
    }

    @Override
    public List<String> findConversationIds() {
        return files.conversationIds();
    }

    @Override
    public List<Message> findByConversationId(String conversationId) {
        Optional<String> json = files.read(conversationId);
        if (json.isEmpty()) {
            return List.of();
        }
        List<StoredMessage> stored;
        try {
            stored = JSON.readValue(json.get(), new TypeReference<List<StoredMessage>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chat memory " + conversationId, e);
        }
        List<Message> out = new ArrayList<>(stored.size());
        for (StoredMessage m : stored) {
            out.add(m.toMessage());
        }
        return out;
    }

    @Override
    public void saveAll(String conversationId, List<Message> messages) {
        Objects.requireNonNull(messages, "messages");
        List<StoredMessage> stored = new ArrayList<>(messages.size());
        for (Message m : messages) {
            stored.add(StoredMessage.of(m));
        }
        try {
            files.write(conversationId, JSON.writeValueAsString(stored));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chat memory " + conversationId, e);
        }
    }

    @Override
    public void deleteByConversationId(String conversationId) {
        files.delete(conversationId);
    }

    /** The file form of one message. */
    record StoredMessage(String type, String text, Map<String, Object> metadata, List<StoredToolCall> toolCalls,
            List<StoredToolResponse> responses) {

        static StoredMessage of(Message m) {
            Map<String, Object> metadata = scalars(m.getMetadata());
            if (m instanceof AssistantMessage a) {
                List<StoredToolCall> calls = new ArrayList<>();
                for (AssistantMessage.ToolCall c : a.getToolCalls()) {
                    calls.add(new StoredToolCall(c.id(), c.type(), c.name(), c.arguments()));
                }
                return new StoredMessage("assistant", a.getText(), metadata, calls, null);
            }
            if (m instanceof ToolResponseMessage t) {
                List<StoredToolResponse> responses = new ArrayList<>();
                for (ToolResponseMessage.ToolResponse r : t.getResponses()) {
                    responses.add(new StoredToolResponse(r.id(), r.name(), r.responseData()));
                }
                return new StoredMessage("tool", null, metadata, null, responses);
            }
            if (m instanceof SystemMessage) {
                return new StoredMessage("system", m.getText(), metadata, null, null);
            }
            if (m instanceof UserMessage) {
                return new StoredMessage("user", m.getText(), metadata, null, null);
            }
            throw new IllegalArgumentException("cannot store message type " + m.getClass().getName());
        }

        Message toMessage() {
            Map<String, Object> meta = metadata == null ? Map.of() : metadata;
            return switch (type) {
                case "user" -> UserMessage.builder().text(text == null ? "" : text).metadata(meta).build();
                case "system" -> SystemMessage.builder().text(text == null ? "" : text).metadata(meta).build();
                case "assistant" -> {
                    List<AssistantMessage.ToolCall> calls = new ArrayList<>();
                    if (toolCalls != null) {
                        toolCalls.forEach(c -> calls.add(new AssistantMessage.ToolCall(c.id(), c.type(), c.name(),
                                c.arguments())));
                    }
                    yield AssistantMessage.builder().content(text).properties(meta).toolCalls(calls).build();
                }
                case "tool" -> {
                    List<ToolResponseMessage.ToolResponse> rs = new ArrayList<>();
                    if (responses != null) {
                        responses.forEach(r -> rs.add(new ToolResponseMessage.ToolResponse(r.id(), r.name(),
                                r.responseData())));
                    }
                    yield ToolResponseMessage.builder().responses(rs).metadata(meta).build();
                }
                default -> throw new IllegalStateException("unknown message type in chat memory file: " + type);
            };
        }

        /** Metadata that survives JSON: strings, numbers, booleans. */
        private static Map<String, Object> scalars(Map<String, Object> metadata) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (metadata != null) {
                metadata.forEach((k, v) -> {
                    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                        out.put(k, v);
                    }
                });
            }
            return out;
        }
    }

    record StoredToolCall(String id, String type, String name, String arguments) {
    }

    record StoredToolResponse(String id, String name, String responseData) {
    }
}
