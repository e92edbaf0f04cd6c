package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;
import java.util.List;

/** The server on a random port over real HTTP: the verbs, identity from API keys only, errors as problem+json. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Static, so that it exists before {@code @BeforeAll} starts the server (a per-class instance field is not). */
    @TempDir
    static Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @BeforeAll
    void start() {
        List<String> props = new ArrayList<>(List.of("memory-server.max-body-bytes=4096"));
        props.addAll(List.of(TestServer.key(0, "alice-key", "user:alice")));
        props.addAll(List.of(TestServer.key(1, "bob-key", "user:bob")));
        server = new TestServer(dir, props.toArray(String[]::new));
        base = server.base;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Request-ID", "req-42").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theVerbsWorkForTheAuthenticatedPrincipalAndNoOneElse() throws Exception {
        HttpResponse<String> stored = post("/v1/retain", "alice-key",
                "{\"bank_id\":\"user-alice\",\"content\":\"Alice keeps her passport in the blue folder\",\"tags\":[\"docs\"]}");
        assertThat(stored.statusCode()).isEqualTo(200);
        JsonNode s = JSON.readTree(stored.body());
        assertThat(s.get("stored").asBoolean()).isTrue();
        String id = s.get("memory_id").asText();

        JsonNode recall = JSON.readTree(post("/v1/recall", "alice-key",
                "{\"bank_id\":\"user-alice\",\"query\":\"where is the passport\",\"max_results\":5000}").body());
        assertThat(recall.get("hits").get(0).get("text").asText()).contains("blue folder");
        assertThat(recall.get("hits").get(0).get("memory_id").asText()).isEqualTo(id);
        assertThat(recall.has("total_available")).isTrue();

        HttpResponse<String> bobs = post("/v1/recall", "bob-key", "{\"bank_id\":\"user-alice\",\"query\":\"passport\"}");
        assertThat(bobs.statusCode()).isEqualTo(403);
        assertThat(bobs.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(bobs.body()).doesNotContain("blue folder").contains("detail");

        JsonNode reflect = JSON.readTree(post("/v1/reflect", "alice-key",
                "{\"bank_id\":\"user-alice\",\"query\":\"Where is the passport?\"}").body());
        assertThat(reflect.get("answer").asText()).isNotBlank();
        assertThat(reflect.get("sources")).isNotNull();

        JsonNode forget = JSON.readTree(post("/v1/forget", "alice-key",
                "{\"bank_id\":\"user-alice\",\"memory_ids\":[\"" + id + "\"]}").body());
        assertThat(forget.get("deleted_count").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(post("/v1/recall", "alice-key",
                "{\"bank_id\":\"user-alice\",\"query\":\"passport\"}").body()).get("hits")).isEmpty();
    }

    @Test
    void identityComesOnlyFromTheKey() throws Exception {
        HttpResponse<String> none = post("/v1/retain", null, "{\"bank_id\":\"user-alice\",\"content\":\"x y z\"}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("detail").asText()).contains("credentials");
        assertThat(post("/v1/retain", "stolen-guess", "{\"bank_id\":\"user-alice\",\"content\":\"x y z\"}").statusCode())
                .isEqualTo(401);
        HttpResponse<String> spoof = post("/v1/retain", "bob-key",
                "{\"bank_id\":\"user-alice\",\"content\":\"I am alice\",\"principal\":\"user:alice\"}");
        assertThat(spoof.statusCode()).as("a principal in the body changes nothing").isEqualTo(403);
    }

    @Test
    void retainTakesAContentTypeAndAnExtractionProfile() throws Exception {
        JsonNode chat = JSON.readTree(post("/v1/retain", "alice-key", "{\"bank_id\":\"user-alice\",\"content\":"
                + "\"Alice: the boat trip is on Sunday\\nBob: I will bring the sandwiches\","
                + "\"content_type\":\"conversation\",\"extraction_profile\":\"builtin_conversation\"}").body());
        assertThat(chat.get("stored").asBoolean()).isTrue();
        assertThat(chat.get("fact_ids").isArray()).isTrue();
        assertThat(chat.get("fact_ids")).isEmpty(); // no LLM here: the built-ins ask for no facts
        HttpResponse<String> unknown = post("/v1/retain", "alice-key", "{\"bank_id\":\"user-alice\",\"content\":"
                + "\"x y z\",\"extraction_profile\":\"no-such-profile\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("detail").asText()).contains("extraction_profile")
                .contains("no-such-profile");
        assertThat(post("/v1/retain", "alice-key", "{\"bank_id\":\"user-alice\",\"content\":\"x y z\","
                + "\"content_type\":\"video\"}").statusCode()).isEqualTo(400);
        // leave the shared bank as the other tests expect it
        assertThat(JSON.readTree(post("/v1/forget", "alice-key", "{\"bank_id\":\"user-alice\",\"memory_ids\":[\""
                + chat.get("memory_id").asText() + "\"]}").body()).get("deleted_count").asInt()).isEqualTo(1);
    }

    @Test
    void errorsAreProblemsAndUnimplementedPathsSay501() throws Exception {
        HttpResponse<String> bad = post("/v1/recall", "alice-key", "{\"bank_id\":\"user-alice\",\"query\":42}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("detail").asText()).contains("query");
        assertThat(post("/v1/recall", "alice-key", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> big = post("/v1/retain", "alice-key", "{\"bank_id\":\"user-alice\",\"content\":\""
                + "x".repeat(5000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        HttpResponse<String> compile = post("/v1/compile", "alice-key", "{}");
        assertThat(compile.statusCode()).isEqualTo(501);
        assertThat(compile.body()).contains("/v1/compile");
    }

    @Test
    void liveAndHealthAnswerAndEchoTheRequestId() throws Exception {
        HttpResponse<String> live = get("/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("ok");
        assertThat(live.headers().firstValue("X-Request-ID")).contains("req-42");
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("healthy").asBoolean()).isTrue();
    }
}
