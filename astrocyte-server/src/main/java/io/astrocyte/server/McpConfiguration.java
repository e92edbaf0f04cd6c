package io.astrocyte.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.identity.AstrocyteContext;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStreamableServerTransportProvider;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server's tools and transports. Over streamable HTTP ({@code /mcp}) each request is authenticated like a
 * REST call by {@link McpAuthentication} and the caller rides in the MCP transport context to the tools. Over stdio
 * ({@code spring.ai.mcp.server.stdio=true}) there is no request to authenticate: the tools act as
 * {@code memory-server.mcp-principal}, which must then be set.
 */
@Configuration(proxyBeanMethods = false)
public class McpConfiguration {

    static final String ENDPOINT = "/mcp";

    @Bean
    ToolCallbackProvider astrocyteMcpTools(Astrocyte brain, ServerProperties properties,
            @Value("${spring.ai.mcp.server.stdio:false}") boolean stdio) {
        AstrocyteContext stdioCaller = null;
        if (stdio) {
            String principal = properties.getMcpPrincipal();
            if (principal == null || principal.isBlank()) {
                throw new io.astrocyte.ConfigException("spring.ai.mcp.server.stdio=true needs"
                        + " memory-server.mcp-principal: the identity the MCP tools act as");
            }
            stdioCaller = AstrocyteContext.of(principal);
        }
        return MethodToolCallbackProvider.builder()
                .toolObjects(new McpMemoryTools(brain, stdioCaller, MemoryController.MAX_RESULTS)).build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "spring.ai.mcp.server", name = "stdio", havingValue = "false",
            matchIfMissing = true)
    WebMvcStreamableServerTransportProvider webMvcStreamableServerTransportProvider() {
        return WebMvcStreamableServerTransportProvider.builder().mcpEndpoint(ENDPOINT)
                .contextExtractor(request -> request.attribute(McpAuthentication.CALLER_ATTRIBUTE)
                        .map(caller -> McpTransportContext.create(Map.of(McpMemoryTools.CALLER, caller)))
                        .orElse(McpTransportContext.EMPTY))
                .build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "spring.ai.mcp.server", name = "stdio", havingValue = "false",
            matchIfMissing = true)
    FilterRegistrationBean<McpAuthentication> mcpAuthentication(ApiKeys keys) {
        FilterRegistrationBean<McpAuthentication> r = new FilterRegistrationBean<>(new McpAuthentication(keys,
                ENDPOINT));
        r.addUrlPatterns(ENDPOINT, ENDPOINT + "/*");
        return r;
    }
}
