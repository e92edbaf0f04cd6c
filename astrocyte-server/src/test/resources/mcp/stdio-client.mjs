// A real MCP client (the @modelcontextprotocol/sdk package) for McpClientTest over stdio: starts the server as its
// child with the command line given as JSON, lists the tools, retains, recalls, and prints one JSON line.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [command, ...args] = JSON.parse(process.argv[2]);
const transport = new StdioClientTransport({ command, args, stderr: "ignore" });
const client = new Client({ name: "astrocyte-test-client", version: "1.0.0" });
await client.connect(transport);
const tools = (await client.listTools()).tools.map((t) => t.name).sort();
const retain = await client.callTool({
  name: "memory_retain",
  arguments: { content: "Bob parks his bike behind the library", bank_id: "user-bob" },
});
const recall = await client.callTool({
  name: "memory_recall",
  arguments: { query: "where does Bob park the bike?", bank_id: "user-bob", max_results: 3 },
});
const other = await client.callTool({
  name: "memory_recall",
  arguments: { query: "anything", bank_id: "user-alice", max_results: 3 },
});
console.log(JSON.stringify({
  tools,
  retainError: retain.isError === true,
  recallError: recall.isError === true,
  recall: recall.content.map((c) => c.text).join(""),
  otherError: other.isError === true,
  other: other.content.map((c) => c.text).join(""),
}));
await client.close();
