package io.astrocyte.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.config.McpConfig;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import java.util.List;
import java.util.Map;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStreamableServerTransportProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server's tools and transports. Over streamable HTTP ({@code /mcp}) each request is authenticated like a
 * REST call by {@link McpAuthentication} and the caller rides in the MCP transport context to the tools. Over stdio
 * ({@code --mcp-stdio}) there is no request to authenticate: the tools act as {@code mcp.principal}, which must then
 * be set.
 */
@Configuration(proxyBeanMethods = false)
public class McpConfiguration {

    static final String ENDPOINT = "/mcp";

    @Bean
    List<SyncToolSpecification> astrocyteMcpTools(Astrocyte brain, MemoryVerbs verbs,
            @Value("${spring.ai.mcp.server.stdio:false}") boolean stdio) {
        McpConfig mcp = brain.config().mcp();
        AstrocyteContext stdioCaller = null;
        if (stdio) {
            if (mcp.principal() == null) {
                throw new io.astrocyte.ConfigException("the MCP server over stdio needs mcp.principal"
                        + " (astrocyte.mcp.principal): the identity its tools act as");
            }
            stdioCaller = AstrocyteContext.of(mcp.principal());
        }
        return new McpMemoryTools(brain, verbs, mcp, stdioCaller).tools();
    }

    @Bean
    @ConditionalOnProperty(prefix = "spring.ai.mcp.server", name = "stdio", havingValue = "false",
            matchIfMissing = true)
    WebMvcStreamableServerTransportProvider webMvcStreamableServerTransportProvider() {
        return WebMvcStreamableServerTransportProvider.builder().mcpEndpoint(ENDPOINT)
                .contextExtractor(request -> request.attribute(ApiKeys.CALLER_ATTRIBUTE)
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
