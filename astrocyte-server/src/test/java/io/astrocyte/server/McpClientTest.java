package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP server driven by a client no one here wrote: the npm package {@code @modelcontextprotocol/sdk}, installed
 * into the test's own folder at test time, run by Node.js over streamable HTTP. Skipped, saying why, where Node.js or
 * the npm registry is unavailable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpClientTest {

    @TempDir
    static Path dir;

    @TempDir
    static Path client;

    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        for (String script : List.of("client.mjs", "stdio-client.mjs")) {
            Files.copy(McpClientTest.class.getResourceAsStream("/mcp/" + script), client.resolve(script));
        }
        Files.writeString(client.resolve("package.json"), "{\"name\":\"astrocyte-mcp-test\",\"private\":true,"
                + "\"type\":\"module\"}");
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "install", "--silent", "--no-audit", "--no-fund",
                    "@modelcontextprotocol/sdk@1").directory(client.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("npm is not installed: " + e.getMessage());
            return;
        }
        boolean done = npm.waitFor(5, TimeUnit.MINUTES);
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(done && npm.exitValue() == 0, "could not install @modelcontextprotocol/sdk from the npm"
                + " registry: " + out);
        String[] alice = TestServer.key(0, "alice-key", "user:alice");
        server = new TestServer(dir, alice[0], alice[1]);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode run(String key) throws Exception {
        return node(key == null ? List.of("node", "client.mjs", server.base + "/mcp")
                : List.of("node", "client.mjs", server.base + "/mcp", key));
    }

    private JsonNode node(List<String> cmd) throws Exception {
        Process node = new ProcessBuilder(cmd).directory(client.toFile()).redirectErrorStream(true).start();
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(node.exitValue()).as(out).isZero();
        return new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
    }

    @Test
    void aRealClientListsTheToolsRetainsAndRecallsOverHttp() throws Exception {
        JsonNode r = run("alice-key");
        assertThat(r.get("tools")).extracting(JsonNode::asText).contains("memory_retain", "memory_recall",
                "memory_reflect", "memory_health");
        assertThat(r.get("retainError").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.get("recallError").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.get("recall").asText()).contains("blue folder");
    }

    @Test
    void overStdioTheToolsActAsTheConfiguredPrincipalOnly(@TempDir Path stdioData) throws Exception {
        // the server as the client's child process, speaking MCP on stdin/stdout; its logs go to stderr
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> server = List.of(java, "-cp", System.getProperty("java.class.path"),
                AstrocyteServer.class.getName(), "--mcp-stdio", "--astrocyte.mcp.principal=user:bob",
                "--astrocyte.data-dir=" + stdioData, "--astrocyte.embedding-provider=hashing");
        JsonNode r = node(List.of("node", "stdio-client.mjs", new ObjectMapper().writeValueAsString(server)));
        assertThat(r.get("tools")).extracting(JsonNode::asText).contains("memory_retain", "memory_recall");
        assertThat(r.get("retainError").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.get("recall").asText()).contains("behind the library");
        // bob's identity does not reach alice's bank
        assertThat(r.get("otherError").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("other").asText()).as(r.toString()).contains("user:bob lacks 'read' on bank user-alice");
    }

    @Test
    void withoutCredentialsTheConnectionIsRefusedWith401() throws Exception {
        JsonNode r = run(null);
        assertThat(r.has("tools")).as(r.toString()).isFalse();
        assertThat(r.get("connectError").asText()).contains("401");
    }

    @Test
    void aWrongKeyIsRefusedToo() throws Exception {
        JsonNode r = run("not-a-key");
        assertThat(r.get("connectError").asText()).contains("401");
    }
}
