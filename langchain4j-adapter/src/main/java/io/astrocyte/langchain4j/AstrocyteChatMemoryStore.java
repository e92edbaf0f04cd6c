package io.astrocyte.langchain4j;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.astrocyte.store.file.AtomicFileWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
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

    private final Path folder;

    private AstrocyteChatMemoryStore(Path folder) {
        this.folder = folder;
    }

    /** A store in {@code folder}, created if missing. */
    public static AstrocyteChatMemoryStore in(Path folder) {
        Objects.requireNonNull(folder, "folder");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create chat memory folder " + folder, e);
        }
        return new AstrocyteChatMemoryStore(folder);
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        try {
            return ChatMessageDeserializer.messagesFromJson(Files.readString(file(memoryId), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chat memory " + memoryId, e);
        }
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        byte[] json = ChatMessageSerializer.messagesToJson(messages).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFileWrite.replace(file(memoryId), out -> {
                out.write(json);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chat memory " + memoryId, e);
        }
    }

    @Override
    public void deleteMessages(Object memoryId) {
        try {
            Files.deleteIfExists(file(memoryId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete chat memory " + memoryId, e);
        }
    }

    private Path file(Object memoryId) {
        Objects.requireNonNull(memoryId, "memoryId");
        String name = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(memoryId.toString().getBytes(StandardCharsets.UTF_8));
        return folder.resolve(name + ".json");
    }
}
