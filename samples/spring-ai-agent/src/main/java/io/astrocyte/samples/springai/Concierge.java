package io.astrocyte.samples.springai;

import io.astrocyte.spring.memory.MemoryScope;
import io.astrocyte.spring.memory.Recall;
import io.astrocyte.spring.memory.Remember;
import io.astrocyte.springai.AstrocyteMemoryTools;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.stereotype.Service;

/**
 * The app's own service. {@code @MemoryScope} binds each call to the user's bank, so the memory advisor and
 * the memory tools inside the ChatClient call need no identity plumbing; {@code @Remember} and
 * {@code @Recall} read and write memory around plain Java methods.
 */
@Service
public class Concierge {

    private final ChatClient chat;
    private final AstrocyteMemoryTools tools;

    public Concierge(ChatClient chat, AstrocyteMemoryTools tools) {
        this.chat = chat;
        this.tools = tools;
    }

    /** One chat turn for a user: memory is recalled into the prompt, and the model may call the memory tools. */
    @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
    public String chat(String userId, String message) {
        return chat.prompt().user(message).tools(tools.tools().toArray())
                // tool methods take a ToolContext; Spring AI insists it is not empty
                .toolContext(Map.of(ChatMemory.CONVERSATION_ID, userId)).call().content();
    }

    /** Stores a preference the app learned without the model, e.g. from a settings form. */
    @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
    public void savePreference(String userId, @Remember(tags = "preference") String preference) {
    }

    /** What the app knows about a topic for this user, straight from memory. */
    @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
    public List<String> whatWeKnow(String userId, String topic,
            @Recall(query = "#topic", maxResults = 3) List<String> memories) {
        return memories;
    }
}
