package io.astrocyte.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The memory server: {@code java -jar astrocyte-server.jar} serves REST {@code /v1} (the upstream gateway's contract)
 * on the embedded store in {@code ./astrocyte-data}, and MCP at {@code /mcp} (or over stdio with {@code --mcp-stdio});
 * the {@code astrocyte.*} tree configures it as it does any app.
 */
@SpringBootApplication
@EnableConfigurationProperties(ServerProperties.class)
public class AstrocyteServer {

    public static void main(String[] args) {
        SpringApplication.run(AstrocyteServer.class, withMcpStdio(args));
    }

    /**
     * {@code --mcp-stdio} turns the process into an MCP server on stdin/stdout for a client that starts it: no HTTP
     * listener, and nothing but MCP messages on stdout (logs go to stderr).
     */
    static String[] withMcpStdio(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String a : args) {
            if (a.equals("--mcp-stdio")) {
                out.add("--spring.ai.mcp.server.stdio=true");
                out.add("--spring.main.web-application-type=none");
            } else {
                out.add(a);
            }
        }
        return out.toArray(String[]::new);
    }
}
