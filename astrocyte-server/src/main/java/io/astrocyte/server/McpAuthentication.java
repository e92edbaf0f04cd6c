package io.astrocyte.server;

import io.astrocyte.AstrocyteException;
import io.astrocyte.AuthorizationException;
import io.astrocyte.identity.AstrocyteContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the MCP endpoint as a REST call is authenticated (API key or JWT), answering 401
 * before the MCP session starts, so no tool ever runs without a caller. The identity is left in a request attribute
 * for the transport's context extractor.
 */
public class McpAuthentication extends OncePerRequestFilter {

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
            caller = keys.authenticate(request.getHeader("X-Api-Key"), request.getHeader("Authorization"),
                    request.getHeader("X-On-Behalf-Of"));
        } catch (AuthorizationException e) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "send X-Api-Key or a bearer token",
                    "AuthorizationException");
            return;
        } catch (AstrocyteException e) {
            Problems.write(response, HttpStatus.valueOf(e.httpStatus()), e.getMessage(),
                    e.getClass().getSimpleName());
            return;
        }
        request.setAttribute(ApiKeys.CALLER_ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }
}
