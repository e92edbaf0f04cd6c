package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's guards over real HTTP: the per-address limit, access lines without memory text or credentials, and
 * API keys acting on behalf of the principals their configuration allows and no others.
 */
class ServerGuardsTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(TestServer s, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(TestServer s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneAddressGetsItsRequestsAMinuteThen429WithRetryAfterAndProbesStayUp() throws Exception {
        String[] alice = TestServer.key(0, "alice-key", "user:alice");
        try (TestServer s = new TestServer(dir, alice[0], alice[1], "memory-server.per-ip-requests-per-minute=5")) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // unauthenticated requests count too: a flood of bad keys is cut off like any other
                statuses.add(post(s, "/v1/recall", i % 2 == 0 ? Map.of("X-Api-Key", "alice-key") : Map.of(),
                        "{\"bank_id\":\"user-alice\",\"query\":\"q\"}").statusCode());
            }
            assertThat(statuses).containsExactly(200, 401, 200, 401, 200);
            HttpResponse<String> limited = post(s, "/v1/recall", Map.of("X-Api-Key", "alice-key"),
                    "{\"bank_id\":\"user-alice\",\"query\":\"q\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
            assertThat(limited.body()).contains("\"detail\"").contains("RateLimitedException");
            assertThat(get(s, "/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void accessLinesNameMethodPathStatusAndPrincipalButNoTextQueryOrKey() throws Exception {
        String[] alice = TestServer.key(0, "alice-key-secret", "user:alice");
        List<String> lines = new CopyOnWriteArrayList<>();
        AccessLog.Sink sink = lines::add;
        try (TestServer s = new TestServer(dir, Map.of("testAccessLogSink", sink), alice[0], alice[1])) {
            post(s, "/v1/retain?note=query-string-secret", Map.of("X-Api-Key", "alice-key-secret",
                    "X-Request-ID", "req-7"), "{\"bank_id\":\"user-alice\",\"content\":\"the vault code is 4411\"}");
            post(s, "/v1/recall", Map.of(), "{\"bank_id\":\"user-alice\",\"query\":\"vault code\"}");
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("POST /v1/retain 200 ").contains("request_id=req-7")
                .contains("principal=user:alice").contains("ip=127.0.0.1");
        assertThat(lines.get(1)).startsWith("POST /v1/recall 401 ").contains("principal=-");
        assertThat(String.join("\n", lines)).doesNotContain("4411", "vault", "alice-key-secret",
                "query-string-secret");
    }

    @Test
    void aKeyActsOnBehalfOfMatchingPrincipalsOnlyAndAJwtNever() throws Exception {
        List<String> props = new ArrayList<>(List.of(TestServer.key(0, "agent-key", "agent:support-bot")));
        props.add("memory-server.api-keys[0].on-behalf-of[0]=user:*");
        props.addAll(List.of(TestServer.key(1, "plain-key", "agent:other-bot")));
        props.addAll(List.of(TestServer.key(2, "carol-key", "user:carol")));
        // the agent may write for users only where both it and the user have a grant
        props.add("astrocyte.access-grants[0].bank-id=user-carol");
        props.add("astrocyte.access-grants[0].principal=agent:support-bot");
        props.add("astrocyte.access-grants[0].permissions[0]=read");
        props.add("astrocyte.access-grants[0].permissions[1]=write");
        props.add("astrocyte.access-grants[1].bank-id=user-carol");
        props.add("astrocyte.access-grants[1].principal=user:carol");
        props.add("astrocyte.access-grants[1].permissions[0]=read");
        props.add("astrocyte.access-grants[1].permissions[1]=write");
        try (TestServer s = new TestServer(dir, props.toArray(String[]::new))) {
            String body = "{\"bank_id\":\"user-carol\",\"content\":\"Carol prefers email\"}";
            HttpResponse<String> forCarol = post(s, "/v1/retain", Map.of("X-Api-Key", "agent-key",
                    "X-On-Behalf-Of", "user:carol"), body);
            assertThat(forCarol.statusCode()).as(forCarol.body()).isEqualTo(200);

            HttpResponse<String> forAnAgent = post(s, "/v1/retain", Map.of("X-Api-Key", "agent-key",
                    "X-On-Behalf-Of", "agent:payments"), body);
            assertThat(forAnAgent.statusCode()).isEqualTo(403);
            assertThat(forAnAgent.body()).contains("may not act on behalf of agent:payments");

            HttpResponse<String> noRule = post(s, "/v1/retain", Map.of("X-Api-Key", "plain-key",
                    "X-On-Behalf-Of", "user:carol"), body);
            assertThat(noRule.statusCode()).isEqualTo(403);

            HttpResponse<String> injected = post(s, "/v1/retain", Map.of("X-Api-Key", "plain-key",
                    "X-On-Behalf-Of", "user:\"carol\"}"), body);
            assertThat(injected.statusCode()).isEqualTo(403);
            assertThat(injected.body()).startsWith("{").endsWith("}");
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(injected.body());
        }
    }
}
