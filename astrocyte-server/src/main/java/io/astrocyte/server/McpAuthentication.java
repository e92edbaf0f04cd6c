package io.astrocyte.server;

import io.astrocyte.AuthorizationException;
import io.astrocyte.identity.AstrocyteContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the MCP endpoint as a REST call is authenticated (API key or JWT), answering 401
 * before the MCP session starts, so no tool ever runs without a caller. The identity is left in a request attribute
 * for the transport's context extractor.
 */
public class McpAuthentication extends OncePerRequestFilter {

    /** The request attribute holding the authenticated {@link AstrocyteContext}. */
    static final String CALLER_ATTRIBUTE = McpAuthentication.class.getName() + ".caller";

    private final ApiKeys keys;
    private final String endpoint;

    public McpAuthentication(ApiKeys keys, String endpoint) {
        this.keys = keys;
        this.endpoint = endpoint;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(endpoint) || path.startsWith(endpoint + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AstrocyteContext caller;
        try {
            caller = keys.authenticate(request.getHeader("X-Api-Key"), request.getHeader("Authorization"));
        } catch (AuthorizationException e) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"send X-Api-Key or a bearer token\",\"error\":\"AuthorizationException\"}");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }
}
