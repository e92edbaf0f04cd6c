package io.astrocyte.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.MemoryEvent;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Programmatic hooks and config webhooks (SPEC §6.5); a real HTTP server on loopback receives the webhooks. */
class HooksTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<Map.Entry<String, byte[]>> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(Map.entry(String.valueOf(exchange.getRequestHeaders().getFirst(WebhookHook.SIGNATURE_HEADER)),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition within 5 s").isTrue();
    }

    @Test
    void listenersHearEveryVerbWithoutMemoryText() throws Exception {
        List<MemoryEvent> events = new CopyOnWriteArrayList<>();
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).listener(events::add).build()) {
            brain.retain(RetainRequest.of("diary", "Alice's secret is mail alice@example.com"), ALICE);
            brain.recall(RecallRequest.of("diary", "secret"), ALICE);
            brain.reflect(ReflectRequest.of("diary", "what is the secret?"), ALICE);
            brain.forget(ForgetRequest.byTags("diary", List.of("none")), ALICE);
            await(() -> events.size() >= 5);
        }
        assertThat(events).extracting(MemoryEvent::type)
                .contains("on_pii_detected", "on_retain", "on_recall", "on_reflect", "on_forget");
        MemoryEvent retain = events.stream().filter(e -> e.type().equals("on_retain")).findFirst().orElseThrow();
        assertThat(retain.bankId()).isEqualTo("diary");
        assertThat(retain.data()).containsKeys("memory_id", "content_length").doesNotContainKey("content");
        assertThat(events.stream().filter(e -> e.type().equals("on_pii_detected")).findFirst().orElseThrow().data())
                .containsEntry("pii_types", "email").containsEntry("action", "redact");
        assertThat(events).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("secret", "alice@"));
    }

    @Test
    void aWebhookIsSignedFilteredAndCarriesContentOnlyWhenAsked() throws Exception {
        Map<String, Object> hook = Map.of("type", "webhook", "url", url(), "events", List.of("on_retain"),
                "secret", "${HOOK_SECRET}", "include_content", true);
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .config(new ConfigLoader(Map.of("HOOK_SECRET", "s3cret")::get).fromMap(Map.of("hooks", List.of(hook))))
                .build()) {
            brain.retain(RetainRequest.of("diary", "Alice plants tulips"), ALICE);
            brain.recall(RecallRequest.of("diary", "tulips"), ALICE);
            await(() -> received.size() >= 1);
        }
        assertThat(received).hasSize(1);
        byte[] body = received.get(0).getValue();
        assertThat(received.get(0).getKey()).isEqualTo("sha256=" + WebhookHook.sign("s3cret", body));
        JsonNode json = JSON.readTree(body);
        assertThat(json.path("type").asText()).isEqualTo("on_retain");
        assertThat(json.path("bank_id").asText()).isEqualTo("diary");
        assertThat(json.path("data").path("content").asText()).isEqualTo("Alice plants tulips");
        assertThat(json.path("event_id").asText()).isNotBlank();
    }

    @Test
    void aFailingWebhookIsRetriedAndNeverFailsTheOperation() throws Exception {
        status = 500;
        Map<String, Object> hook = Map.of("type", "webhook", "url", url(), "events", List.of("on_retain"),
                "retry_count", 2, "retry_delay_ms", 10, "async", false);
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .config(new ConfigLoader(k -> null).fromMap(Map.of("hooks", List.of(hook)))).build()) {
            assertThat(brain.retain(RetainRequest.of("diary", "still stored"), ALICE).stored()).isTrue();
            assertThat(received).as("one attempt and two retries, synchronously").hasSize(3);
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(1);
        }
    }

    @Test
    void webhookConfigIsCheckedAtLoad() {
        ConfigLoader loader = new ConfigLoader(k -> null);
        assertThatThrownBy(() -> loader.fromMap(Map.of("hooks", List.of(Map.of("type", "webhook",
                "url", "http://hooks.example.com/x"))))).isInstanceOf(ConfigException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> loader.fromMap(Map.of("hooks", List.of(Map.of("type", "webhook",
                "url", "https://hooks.example.com/x", "events", List.of("on_everything"))))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("on_everything");
        assertThatThrownBy(() -> loader.fromMap(Map.of("hooks", List.of(Map.of("type", "webhook",
                "url", "https://hooks.example.com/x", "secret", "${MISSING_SECRET}")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MISSING_SECRET");
        assertThat(loader.fromMap(Map.of("hooks", List.of(Map.of("type", "log")))).hooks()).hasSize(1);
    }
}
