// A real MCP client (the @modelcontextprotocol/sdk package) for McpClientTest: connects over streamable HTTP with an
// API key, lists the tools, retains a memory, recalls it, and prints one JSON line with what it saw.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, key] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: key ? { "X-Api-Key": key } : {} },
});
const client = new Client({ name: "astrocyte-test-client", version: "1.0.0" });
try {
  await client.connect(transport);
} catch (e) {
  console.log(JSON.stringify({ connectError: String(e.message ?? e) }));
  process.exit(0);
}
const tools = (await client.listTools()).tools.map((t) => t.name).sort();
const retain = await client.callTool({
  name: "memory_retain",
  arguments: { content: "Alice keeps her passport in the blue folder", bank_id: "user-alice" },
});
const recall = await client.callTool({
  name: "memory_recall",
  arguments: { query: "where is the passport?", bank_id: "user-alice", max_results: 3 },
});
console.log(JSON.stringify({
  tools,
  retainError: retain.isError === true,
  retain: retain.content.map((c) => c.text).join(""),
  recallError: recall.isError === true,
  recall: recall.content.map((c) => c.text).join(""),
}));
await client.close();
