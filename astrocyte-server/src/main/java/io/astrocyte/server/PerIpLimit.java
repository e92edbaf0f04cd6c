package io.astrocyte.server;

import io.astrocyte.policy.homeostasis.LocalRateLimitStore;
import io.astrocyte.spi.RateLimitStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code memory-server.per-ip-requests-per-minute} requests a minute from one client address (SPEC §1.11's
 * per-IP guard), before authentication, so a flood of bad keys is cut off too; 429 with {@code Retry-After} beyond
 * it. The buckets live in the application's {@link RateLimitStore} when it has one (Redis: one limit across
 * replicas), else in this process. The liveness probes are not counted. 0 turns the guard off.
 */
@Component
@Order(2)
public class PerIpLimit extends OncePerRequestFilter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final long perMinute;
    private final RateLimitStore store;

    public PerIpLimit(ServerProperties properties, ObjectProvider<RateLimitStore> shared) {
        this.perMinute = properties.getPerIpRequestsPerMinute();
        if (perMinute < 0) {
            throw new io.astrocyte.ConfigException("memory-server.per-ip-requests-per-minute: must be 0 (off) or"
                    + " more, got " + perMinute);
        }
        this.store = shared.getIfAvailable(LocalRateLimitStore::new);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return perMinute == 0 || path.equals("/live") || path.equals("/health/live");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitStore.Probe probe = store.tryConsume("ip:" + request.getRemoteAddr(), perMinute, MINUTE);
        if (!probe.consumed()) {
            long seconds = Math.max(1, (probe.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "more than " + perMinute
                    + " requests a minute from this address", "RateLimitedException");
            return;
        }
        chain.doFilter(request, response);
    }
}
