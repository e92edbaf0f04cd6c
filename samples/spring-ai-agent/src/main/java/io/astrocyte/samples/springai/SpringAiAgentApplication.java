package io.astrocyte.samples.springai;

import io.astrocyte.springai.AstrocyteMemoryAdvisor;
import io.astrocyte.springai.AstrocyteToolCallRecorder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot agent with governed long-term memory from {@code astrocyte-spring-boot-starter}: the
 * auto-configured memory advisor on a {@link ChatClient}, the memory tools, and an annotated service. Runs
 * offline with a deterministic stand-in model; give the app a real Spring AI {@link ChatModel} bean (for
 * example by adding a Spring AI model starter) and it uses that instead. Run it twice: the second run
 * remembers the first.
 */
@SpringBootApplication
public class SpringAiAgentApplication {

    private static final Logger LOG = LoggerFactory.getLogger(SpringAiAgentApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(SpringAiAgentApplication.class, args);
    }

    /** The offline stand-in; an app with a real model defines its own ChatModel bean instead. */
    @Bean
    ChatModel chatModel() {
        return new OfflineChatModel();
    }

    @Bean
    ChatClient chatClient(ChatModel model, AstrocyteMemoryAdvisor memory,
            ObjectProvider<AstrocyteToolCallRecorder> recorder) {
        ChatClient.Builder builder = ChatClient.builder(model)
                .defaultSystem("You are a helpful concierge. Use what you remember about the user.")
                .defaultAdvisors(memory);
        recorder.ifAvailable(builder::defaultAdvisors);
        return builder.build();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "sample.demo", matchIfMissing = true)
    CommandLineRunner demo(Concierge concierge) {
        return args -> {
            for (String[] turn : List.of(
                    new String[] {"alice", "Please remember that I am vegetarian and my email is alice@example.com"},
                    new String[] {"bob", "Remember that I am allergic to peanuts"},
                    new String[] {"alice", "What should I order for dinner?"},
                    new String[] {"bob", "What should I order for dinner?"})) {
                LOG.info("{} > {}", turn[0], turn[1]);
                LOG.info("assistant > {}", concierge.chat(turn[0], turn[1]));
            }
            concierge.savePreference("alice", "Alice prefers a table by the window");
            LOG.info("what we know about alice's seating: {}", concierge.whatWeKnow("alice", "table seating", null));
        };
    }
}
