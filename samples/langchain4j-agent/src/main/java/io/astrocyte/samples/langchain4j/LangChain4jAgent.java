package io.astrocyte.samples.langchain4j;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.astrocyte.Astrocyte;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.langchain4j.AstrocyteChatMemoryStore;
import io.astrocyte.langchain4j.AstrocyteContentRetriever;
import io.astrocyte.langchain4j.AstrocyteMemoryTools;
import io.astrocyte.langchain4j.AstrocyteRetrievalAugmentor;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A LangChain4j assistant with per-user long-term memory. Each {@code @MemoryId} is a user with a private
 * bank ({@code user-<id>}); the retrieval augmentor adds that user's memories to every message and the
 * memory tools let the model save new ones. Runs offline on the embedded default with a stand-in model;
 * with {@code OPENAI_API_KEY} set (and optionally {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL}) it uses
 * the real model.
 *
 * <pre>java -jar samples/langchain4j-agent/target/astrocyte-langchain4j-agent.jar [data folder]</pre>
 */
public final class LangChain4jAgent {

    interface Assistant {
        @SystemMessage("You are a helpful personal assistant. When the user tells you something worth keeping, "
                + "save it with memory_retain.")
        String chat(@MemoryId String userId, @UserMessage String message);
    }

    private LangChain4jAgent() {
    }

    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "astrocyte-agent-data"), System.out);
    }

    static void run(Path dataFolder, PrintStream out) {
        ChatModel model = chatModel(out);
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dataFolder).build()) {
            MemoryBindingResolver users = MemoryBindingResolver.conversationIdAsUser("user-");
            AstrocyteChatMemoryStore windows = AstrocyteChatMemoryStore.in(dataFolder.resolve("chat-memory"));
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(model)
                    .chatMemoryProvider(id -> MessageWindowChatMemory.builder().id(id).maxMessages(20)
                            .chatMemoryStore(windows).build())
                    .retrievalAugmentor(AstrocyteRetrievalAugmentor.builder(
                            AstrocyteContentRetriever.builder(brain).resolver(users).maxResults(3).build()).build())
                    .tools(AstrocyteMemoryTools.builder(brain).resolver(users).build().tools())
                    .build();

            say(out, assistant, "alice", "Please remember that I am vegetarian and allergic to peanuts.");
            say(out, assistant, "bob", "Remember that I always book a window seat on flights.");
            say(out, assistant, "alice", "What should you keep in mind when you book dinner for me?");
            say(out, assistant, "bob", "What do you know about my food preferences?");
            say(out, assistant, "bob", "Which seat do I like on planes?");
        }
    }

    private static void say(PrintStream out, Assistant assistant, String user, String message) {
        out.println(user + ": " + message);
        out.println("assistant: " + assistant.chat(user, message));
        out.println();
    }

    private static ChatModel chatModel(PrintStream out) {
        String key = System.getenv("OPENAI_API_KEY");
        if (key == null || key.isBlank()) {
            out.println("(offline: a deterministic stand-in model answers; set OPENAI_API_KEY for a real one)");
            out.println();
            return new OfflineChatModel();
        }
        String baseUrl = System.getenv("OPENAI_BASE_URL");
        String name = System.getenv("OPENAI_MODEL");
        OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder().apiKey(key)
                .modelName(name == null || name.isBlank() ? "gpt-4o-mini" : name);
        if (baseUrl != null && !baseUrl.isBlank()) {
            builder.baseUrl(baseUrl);
        }
        out.println("(using " + (name == null || name.isBlank() ? "gpt-4o-mini" : name) + ")");
        out.println();
        return builder.build();
    }
}
