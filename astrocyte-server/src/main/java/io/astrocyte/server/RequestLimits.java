package io.astrocyte.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Echoes (or assigns) {@code X-Request-ID}, and answers 413 to a body declared larger than
 * {@code memory-server.max-body-bytes} before anything reads it.
 */
@Component
@org.springframework.core.annotation.Order(0)
public class RequestLimits extends OncePerRequestFilter {

    private final long maxBody;

    public RequestLimits(ServerProperties properties) {
        this.maxBody = properties.getMaxBodyBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader("X-Request-ID");
        response.setHeader("X-Request-ID", id == null || id.isBlank() || id.length() > 200
                ? UUID.randomUUID().toString() : id);
        if (request.getContentLengthLong() > maxBody) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + maxBody + " bytes",
                    "PayloadTooLarge");
            return;
        }
        chain.doFilter(request, response);
    }
}
