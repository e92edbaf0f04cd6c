package io.astrocyte.server;

import io.astrocyte.identity.AstrocyteContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request on the {@code astrocyte.server.access} logger (INFO): method, path, status, milliseconds,
 * request id, client address and the authenticated principal (or to the application's {@link Sink} bean). Never a
 * body, a header other than the request id, or a query string, so no memory text, query or credential reaches the
 * log. Off with {@code memory-server.access-log=false}.
 */
@Component
@Order(1)
public class AccessLog extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger("astrocyte.server.access");

    /** Where the lines go; an application may provide its own bean (a SIEM, a file of its own). */
    @FunctionalInterface
    public interface Sink {
        void line(String line);
    }

    private final boolean enabled;
    private final Sink sink;

    public AccessLog(ServerProperties properties, org.springframework.beans.factory.ObjectProvider<Sink> sink) {
        this.enabled = properties.isAccessLog();
        this.sink = sink.getIfAvailable(() -> line -> LOG.info(line));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object caller = request.getAttribute(ApiKeys.CALLER_ATTRIBUTE);
            sink.line(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus() + " "
                    + (System.nanoTime() - start) / 1_000_000 + "ms request_id=" + response.getHeader("X-Request-ID")
                    + " ip=" + request.getRemoteAddr() + " principal="
                    + (caller instanceof AstrocyteContext c ? c.principal() : "-"));
        }
    }
}
