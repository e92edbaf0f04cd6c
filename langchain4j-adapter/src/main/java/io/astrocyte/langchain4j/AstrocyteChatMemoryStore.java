package io.astrocyte.langchain4j;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.astrocyte.integration.ConversationFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Keeps LangChain4j's short-term chat window on disk, one JSON file per memory id, e.g. in the Astrocyte
 * data folder next to the long-term memory:
 *
 * <pre>{@code
 * ChatMemoryStore windows = AstrocyteChatMemoryStore.in(Path.of("astrocyte-data", "chat-memory"));
 * AiServices.builder(Assistant.class).chatMemoryProvider(id -> MessageWindowChatMemory.builder()
 *         .id(id).maxMessages(20).chatMemoryStore(windows).build());
 * }</pre>
 *
 * <p>Each update replaces the file atomically (temporary file, fsync, rename), so a crash leaves the old
 * window or the new one, never a torn file. File names are the Base64url form of the memory id's
 * {@code toString()}, so any id is a safe name. The window is the application's own conversation state:
 * it is not long-term memory and does not pass the policy layer; pair it with {@link AstrocyteAutoRetain}
 * to keep what matters, governed.
 */
public final class AstrocyteChatMemoryStore implements ChatMemoryStore {

    private final ConversationFiles files;

    private AstrocyteChatMemoryStore(ConversationFiles files) {
        this.files = files;
    }

    /** A store in {@code folder}, created if missing. */
    public static AstrocyteChatMemoryStore in(Path folder) {
        return new AstrocyteChatMemoryStore(ConversationFiles.in(folder));
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return files.read(id(memoryId)).map(ChatMessageDeserializer::messagesFromJson).orElse(List.of());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        files.write(id(memoryId), ChatMessageSerializer.messagesToJson(messages));
    }

    @Override
    public void deleteMessages(Object memoryId) {
        files.delete(id(memoryId));
    }

    private static String id(Object memoryId) {
        return Objects.requireNonNull(memoryId, "memoryId").toString();
    }
}
