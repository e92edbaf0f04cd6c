package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

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

/** With an admin token configured, admin routes need it; a held bank refuses forgets through /v1/forget. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminRoutesTest {

    /** Static, so that it exists before {@code @BeforeAll} starts the server (a per-class instance field is not). */
    @TempDir
    static Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @BeforeAll
    void start() {
        String[] key = TestServer.key(0, "alice-key", "user:alice");
        server = new TestServer(dir, "memory-server.admin-token-sha256=" + ApiKeys.sha256("admin-secret"), key[0],
                key[1]);
        base = server.base;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String adminToken, String apiKey, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (adminToken != null) {
            b.header("X-Admin-Token", adminToken);
        }
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminRoutesNeedTheTokenAndAHoldStopsForgets() throws Exception {
        assertThat(send("GET", "/v1/admin/banks/health", null, "alice-key", null).statusCode())
                .as("an API key is not an admin token").isEqualTo(401);
        assertThat(send("GET", "/v1/admin/banks/health", "wrong", null, null).statusCode()).isEqualTo(401);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(send("POST", "/v1/retain", null,
                "alice-key", "{\"bank_id\":\"user-alice\",\"content\":\"The lease was signed on May 3\"}").body())
                .get("memory_id").asText();
        assertThat(send("POST", "/v1/admin/banks/user-alice/hold", "admin-secret", null,
                "{\"hold_id\":\"case-9\",\"reason\":\"tenancy dispute\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("POST", "/v1/forget", null, "alice-key",
                "{\"bank_id\":\"user-alice\",\"memory_ids\":[\"" + id + "\"]}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("case-9");
        assertThat(send("DELETE", "/v1/admin/banks/user-alice/hold/case-9", "admin-secret", null, null).body())
                .contains("\"released\":true");
        assertThat(send("POST", "/v1/forget", null, "alice-key",
                "{\"bank_id\":\"user-alice\",\"memory_ids\":[\"" + id + "\"]}").statusCode()).isEqualTo(200);
    }
}
