package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real responses of every implemented path, validated by a JSON Schema validator against the schemas the upstream
 * gateway's OpenAPI document gives them ({@code ../shared/data/upstream-openapi/openapi.json}, read at run time) and
 * against the server's own published document ({@code /openapi.json}), which must also list exactly the routes the
 * server maps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpstreamContractTest {

    private static final Path OPENAPI = Path.of("../../shared/data/upstream-openapi/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Static, so that it exists before {@code @BeforeAll} starts the server (a per-class instance field is not). */
    @TempDir
    static Path dir;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;
    private JsonNode openapi;
    private SchemaRegistry registry;

    @BeforeAll
    void start() throws Exception {
        Path doc = OPENAPI.toAbsolutePath().normalize();
        if (!Files.exists(doc)) {
            doc = Path.of("../shared/data/upstream-openapi/openapi.json").toAbsolutePath().normalize();
        }
        Assumptions.assumeTrue(Files.exists(doc), "the upstream OpenAPI document is not beside the project ("
                + doc + "); clone the project next to ../shared");
        openapi = JSON.readTree(doc.toFile());
        String uri = doc.toUri().toString();
        JsonNode root = openapi;
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(java.util.Map.of(uri, root.toString())));
        docUri = uri;
        Files.createDirectories(dir.resolve("portable"));
        String[] alice = TestServer.key(0, "alice-key", "user:alice");
        server = new TestServer(dir, alice[0], alice[1], "memory-server.portability-roots=" + dir.resolve("portable"));
        base = server.base;
        own = JSON.readTree(call("GET", "/openapi.json", null, 200));
        String ownUri = "https://astrocyte.local/openapi.json";
        JsonNode ownRoot = own;
        ownRegistry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(java.util.Map.of(ownUri, ownRoot.toString())));
        this.ownUri = ownUri;
    }

    private JsonNode own;
    private SchemaRegistry ownRegistry;
    private String ownUri;

    /** The response validates against the upstream document's schema (when it has the path) and our own. */
    private void answers(String path, String method, String body) {
        if (openapi.get("paths").has(path)) {
            valid(responseSchema(path, method), body);
        }
        JsonNode op = own.get("paths").get(path);
        assertThat(op).as(path + " is in /openapi.json").isNotNull();
        String ref = op.get(method).get("responses").get("200").get("content").get("application/json")
                .get("schema").get("$ref").asString();
        List<com.networknt.schema.Error> errors = ownRegistry.getSchema(SchemaLocation.of(ownUri + ref))
                .validate(JSON.readTree(body));
        assertThat(errors).as(ref + " of our own document for " + body).isEmpty();
    }

    private void problem(String body) {
        valid("ErrorDetail", body);
        assertThat(ownRegistry.getSchema(SchemaLocation.of(ownUri + "#/components/schemas/Problem"))
                .validate(JSON.readTree(body))).isEmpty();
    }

    private String docUri;

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Schema schema(String name) {
        return registry.getSchema(SchemaLocation.of(docUri + "#/components/schemas/" + name));
    }

    /** The schema the document gives a path's 200 response. */
    private String responseSchema(String path, String method) {
        String ref = openapi.get("paths").get(path).get(method).get("responses").get("200").get("content")
                .get("application/json").get("schema").get("$ref").asString();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private void valid(String schemaName, String body) {
        JsonNode node = JSON.readTree(body);
        List<com.networknt.schema.Error> errors = schema(schemaName).validate(node);
        assertThat(errors).as(schemaName + " for " + body).isEmpty();
    }

    private String call(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("X-Api-Key", "alice-key")
                .header("Content-Type", "application/json");
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(expected);
        return r.body();
    }

    @Test
    void theValidatorRefusesWhatTheDocumentDoesNotAllow() {
        assertThat(schema("RetainResult").validate(JSON.readTree("{}"))).as("stored is required").isNotEmpty();
        assertThat(schema("RecallResult").validate(JSON.readTree(
                "{\"hits\":[{\"text\":1,\"score\":\"high\"}],\"total_available\":1,\"truncated\":false}")))
                .as("a hit's text is a string and its score a number, through the $ref to MemoryHit").isNotEmpty();
        assertThat(ownRegistry.getSchema(SchemaLocation.of(ownUri + "#/components/schemas/RecallResult"))
                .validate(JSON.readTree("{\"hits\":[{\"text\":\"t\",\"score\":1,\"surprise\":1}],"
                        + "\"total_available\":1,\"truncated\":false,\"top_semantic_score\":1,\"trace\":null,"
                        + "\"authority_context\":null}")))
                .as("our document names every field a hit has, and no others").isNotEmpty();
    }

    @Test
    void everyImplementedPathAnswersWhatTheUpstreamDocumentSays() throws Exception {
        String retained = call("POST", "/v1/retain", "{\"bank_id\":\"user-alice\",\"content\":\"Alice moved to Leeds"
                + " in May\",\"tags\":[\"home\"],\"metadata\":{\"source\":\"chat\"}}", 200);
        answers("/v1/retain", "post", retained);
        answers("/v1/recall", "post", call("POST", "/v1/recall",
                "{\"bank_id\":\"user-alice\",\"query\":\"where does Alice live\"}", 200));
        answers("/v1/reflect", "post", call("POST", "/v1/reflect",
                "{\"bank_id\":\"user-alice\",\"query\":\"Where does Alice live?\"}", 200));
        answers("/v1/history", "post", call("POST", "/v1/history",
                "{\"bank_id\":\"user-alice\",\"query\":\"Leeds\",\"as_of\":\"2030-01-01T00:00:00Z\"}", 200));
        String debug = call("POST", "/v1/debug/recall", "{\"bank_id\":\"user-alice\",\"query\":\"Leeds\"}", 200);
        answers("/v1/debug/recall", "post", debug);
        assertThat(JSON.readTree(debug).get("result_count").asInt()).isEqualTo(1);
        assertThat(debug).doesNotContain("Alice moved");
        String file = dir.resolve("portable/alice.jsonl").toString();
        answers("/v1/export", "post", call("POST", "/v1/export", "{\"bank_id\":\"user-alice\","
                + "\"path\":\"" + file + "\"}", 200));
        assertThat(Files.readString(Path.of(file))).contains("Alice moved to Leeds");
        String imported = call("POST", "/v1/import", "{\"bank_id\":\"user-alice\",\"path\":\"" + file + "\"}", 200);
        answers("/v1/import", "post", imported);
        problem(call("POST", "/v1/export", "{\"bank_id\":\"user-alice\",\"path\":\"/etc/x.jsonl\"}",
                422));
        String id = JSON.readTree(retained).get("memory_id").asString();
        answers("/v1/forget", "post", call("POST", "/v1/forget",
                "{\"bank_id\":\"user-alice\",\"memory_ids\":[\"" + id + "\"]}", 200));
        answers("/live", "get", call("GET", "/live", null, 200));
        answers("/health/live", "get", call("GET", "/health/live", null, 200));
        answers("/health", "get", call("GET", "/health", null, 200));
        problem(call("POST", "/v1/recall", "{\"bank_id\":\"user-alice\",\"query\":7}", 400));
        problem(call("POST", "/v1/compile", "{}", 501));

        answers("/v1/admin/banks/{bank_id}/hold", "post", call("POST", "/v1/admin/banks/user-alice/hold",
                "{\"hold_id\":\"case-1\",\"reason\":\"dispute\",\"set_by\":\"counsel\"}", 200));
        answers("/v1/admin/banks/{bank_id}/hold", "get", call("GET", "/v1/admin/banks/user-alice/hold",
                null, 200));
        answers("/v1/admin/banks/{bank_id}/hold/{hold_id}", "delete", delete(
                "/v1/admin/banks/user-alice/hold/case-1"));
        answers("/v1/admin/banks/{bank_id}/health", "get", call("GET",
                "/v1/admin/banks/user-alice/health", null, 200));
        answers("/v1/admin/banks/health", "get", call("GET", "/v1/admin/banks/health", null, 200));
        answers("/v1/admin/lifecycle", "post", call("POST", "/v1/admin/lifecycle",
                "{\"bank_id\":\"user-alice\"}", 200));
    }

    @Test
    void ourDocumentListsExactlyTheRoutesTheServerMaps() {
        java.util.Set<String> mapped = new java.util.TreeSet<>();
        server.context().getBean("requestMappingHandlerMapping",
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class)
                .getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType() == StatusController.class
                            && handler.getMethod().getName().equals("notYet")) {
                        return; // the upstream paths answered 501
                    }
                    if (!handler.getBeanType().getPackageName().equals("io.astrocyte.server")) {
                        return; // Spring's own error controller
                    }
                    for (String p : info.getPatternValues()) {
                        for (var m : info.getMethodsCondition().getMethods()) {
                            mapped.add(m.name().toLowerCase(java.util.Locale.ROOT) + " " + p);
                        }
                    }
                });
        java.util.Set<String> documented = new java.util.TreeSet<>();
        own.get("paths").properties().forEach(e -> e.getValue().properties().forEach(op ->
                documented.add(op.getKey() + " " + e.getKey().replace("{bank_id}", "{bankId}")
                        .replace("{hold_id}", "{holdId}"))));
        assertThat(mapped).contains("post /v1/retain", "delete /v1/admin/banks/{bankId}/hold/{holdId}");
        assertThat(documented).isEqualTo(mapped);
    }

    private String delete(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
