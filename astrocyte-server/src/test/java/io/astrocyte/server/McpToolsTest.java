package io.astrocyte.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP tools as the {@code mcp.*} settings shape them, driven over streamable HTTP by the MCP Java SDK's own
 * client: which tools are offered, the default bank, the recall clamp, forget and admin only when exposed, and
 * refusals as tool errors naming their class.
 */
class McpToolsTest {

    @TempDir
    Path dir;

    private static McpSyncClient client(TestServer server, String key) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.base)
                .endpoint("/mcp").requestBuilder(HttpRequest.newBuilder().header("X-Api-Key", key)).build();
        McpSyncClient c = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        c.initialize();
        return c;
    }

    private static List<String> names(McpSyncClient c) {
        return c.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
    }

    private static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
    }

    private static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void byDefaultForgetAndAdminToolsAreNotOfferedAndRefusalsNameTheirClass() throws Exception {
        String[] alice = TestServer.key(0, "alice-key", "user:alice");
        String[] bob = TestServer.key(1, "bob-key", "user:bob");
        try (TestServer server = new TestServer(dir, alice[0], alice[1], bob[0], bob[1]);
                McpSyncClient a = client(server, "alice-key"); McpSyncClient b = client(server, "bob-key")) {
            assertThat(names(a)).containsExactly("memory_banks", "memory_health", "memory_history", "memory_recall",
                    "memory_reflect", "memory_retain");
            McpSchema.CallToolResult stored = call(a, "memory_retain", Map.of("content",
                    "Alice's locker code is in the red notebook", "bank_id", "user-alice", "tags", List.of("home")));
            assertThat(stored.isError()).as(text(stored)).isFalse();
            assertThat(text(stored)).contains("\"stored\":true");

            McpSchema.CallToolResult found = call(a, "memory_recall", Map.of("query", "locker code", "bank_id",
                    "user-alice"));
            assertThat(text(found)).contains("red notebook");
            assertThat(((Map<?, ?>) found.structuredContent()).get("hits")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);

            McpSchema.CallToolResult refused = call(b, "memory_recall", Map.of("query", "locker code", "bank_id",
                    "user-alice"));
            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).startsWith("AccessDeniedException: ").doesNotContain("red notebook");

            McpSchema.CallToolResult bad = call(a, "memory_retain", Map.of("content", 42, "bank_id", "user-alice"));
            assertThat(bad.isError()).isTrue();
            assertThat(text(bad)).contains("content").contains("string expected");

            McpSchema.CallToolResult banks = call(a, "memory_banks", Map.of());
            assertThat(text(banks)).contains("user-alice").doesNotContain("user-bob");

            McpSchema.CallToolResult history = call(a, "memory_history", Map.of("query", "locker", "bank_id",
                    "user-alice", "as_of", "2001-01-01T00:00:00Z"));
            assertThat(history.isError()).as(text(history)).isFalse();
            assertThat(text(history)).doesNotContain("red notebook");
        }
    }

    @Test
    void exposedForgetAndAdminToolsActAsTheCallerWithTheDefaultBankAndTheClamp() throws Exception {
        String[] alice = TestServer.key(0, "alice-key", "user:alice");
        try (TestServer server = new TestServer(dir, alice[0], alice[1], "astrocyte.mcp.expose-forget=true",
                "astrocyte.mcp.expose-admin=true", "astrocyte.mcp.expose-reflect=false",
                "astrocyte.mcp.default-bank-id=user-alice", "astrocyte.mcp.max-results-limit=2");
                McpSyncClient a = client(server, "alice-key")) {
            assertThat(names(a)).contains("memory_forget", "memory_bank_health", "memory_hold_set",
                    "memory_hold_release", "memory_lifecycle").doesNotContain("memory_reflect");
            for (int i = 0; i < 4; i++) {
                McpSchema.CallToolResult r = call(a, "memory_retain", Map.of("content",
                        "note " + i + " about the garden shed", "tags", List.of("shed")));
                assertThat(r.isError()).as(text(r)).isFalse();
            }
            McpSchema.CallToolResult found = call(a, "memory_recall", Map.of("query", "garden shed",
                    "max_results", 50));
            assertThat(((Map<?, ?>) found.structuredContent()).get("hits")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);

            McpSchema.CallToolResult hold = call(a, "memory_hold_set", Map.of("hold_id", "case-7", "reason",
                    "litigation"));
            assertThat(hold.isError()).as(text(hold)).isFalse();
            McpSchema.CallToolResult blocked = call(a, "memory_forget", Map.of("tags", List.of("shed")));
            assertThat(blocked.isError()).isTrue();
            assertThat(text(blocked)).startsWith("LegalHoldActiveException: ").contains("case-7");
            assertThat(text(call(a, "memory_hold_release", Map.of("hold_id", "case-7")))).contains("true");
            McpSchema.CallToolResult forgot = call(a, "memory_forget", Map.of("tags", List.of("shed")));
            assertThat(forgot.isError()).as(text(forgot)).isFalse();
            assertThat(text(forgot)).contains("\"deleted_count\":4");
            assertThat(call(a, "memory_bank_health", Map.of()).isError()).isFalse();
        }
    }
}
