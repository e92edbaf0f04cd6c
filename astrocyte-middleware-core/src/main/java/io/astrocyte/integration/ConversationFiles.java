package io.astrocyte.integration;

import io.astrocyte.store.file.AtomicFileWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Short-term chat windows on disk, one file per conversation, for the frameworks' chat-memory stores: each
 * write replaces the file atomically (temporary file, fsync, rename), so a crash leaves the old window or the
 * new one, never a torn file; file names are the Base64url form of the conversation id, so any id is a safe
 * name. What a file holds (the framework's messages as JSON) is the adapter's business. The windows are the
 * application's conversation state, not governed long-term memory: they do not pass the policy layer.
 */
public final class ConversationFiles {

    private static final String SUFFIX = ".json";

    private final Path folder;

    private ConversationFiles(Path folder) {
        this.folder = folder;
    }

    /** The windows in {@code folder}, created if missing. */
    public static ConversationFiles in(Path folder) {
        Objects.requireNonNull(folder, "folder");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create chat memory folder " + folder, e);
        }
        return new ConversationFiles(folder);
    }

    /** The stored window of a conversation; empty when it has none. */
    public Optional<String> read(String conversationId) {
        try {
            return Optional.of(Files.readString(file(conversationId), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chat memory " + conversationId, e);
        }
    }

    /** Replaces a conversation's window, atomically. */
    public void write(String conversationId, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFileWrite.replace(file(conversationId), out -> {
                out.write(bytes);
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chat memory " + conversationId, e);
        }
    }

    public void delete(String conversationId) {
        try {
            Files.deleteIfExists(file(conversationId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete chat memory " + conversationId, e);
        }
    }

    /** Every conversation with a stored window, sorted; files that are not windows are skipped. */
    public List<String> conversationIds() {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    ids.add(new String(Base64.getUrlDecoder().decode(name.substring(0, name.length()
                            - SUFFIX.length())), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notOurs) {
                    // a file someone else put here; not a conversation
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list chat memory folder " + folder, e);
        }
        ids.sort(null);
        return ids;
    }

    private Path file(String conversationId) {
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("conversationId must not be blank");
        }
        return folder.resolve(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(conversationId.getBytes(StandardCharsets.UTF_8)) + SUFFIX);
    }
}
