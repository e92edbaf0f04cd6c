package io.astrocyte.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code llm_provider: openai} from configuration alone, against a local stand-in server (a test double) that
 * speaks the OpenAI chat-completions wire format: the real LangChain4j OpenAI client sends the request.
 */
class OpenAiProviderTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> auth = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,"
                    + "\"model\":\"stand-in\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"Alice moved to Leeds in May [Memory 1].\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":9,\"total_tokens\":51}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reflectAsksTheConfiguredModel() {
        AstrocyteContext alice = AstrocyteContext.of("user:alice");
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).governanceStore(new InMemoryGovernanceStore())
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of("llm_provider", "openai",
                        "llm_provider_config", Map.of("api_key", "sk-test", "base_url", baseUrl, "model", "stand-in"))))
                .build()) {
            assertThat(brain.llm()).isPresent();
            brain.retain(RetainRequest.of("user-alice", "Alice moved to Leeds in May"), alice);
            ReflectResult r = brain.reflect(ReflectRequest.of("user-alice", "Where did Alice move?"), alice);
            assertThat(r.answer()).isEqualTo("Alice moved to Leeds in May [Memory 1].");
            assertThat(r.observations()).anyMatch(o -> o.contains("synthesized"));
        }
        assertThat(auth).containsOnly("Bearer sk-test");
        assertThat(requests).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode sent;
        try {
            sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(requests.get(0));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(sent.get("model").asText()).isEqualTo("stand-in");
        assertThat(sent.get("messages").toString()).contains("Alice moved to Leeds in May")
                .contains("Where did Alice move?");
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> new OpenAiLlmProviderFactory().create(Map.of("model", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("api_key");
    }
}
