package io.astrocyte.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.spi.HealthStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /live} (the process answers), {@code /health} (the store answers within a bounded time, else 503), and 501
 * for the upstream gateway's paths this server does not implement yet, named, never a 404.
 */
@RestController
public class StatusController {

    private static final long HEALTH_TIMEOUT_MS = 2_000;

    private final Astrocyte brain;

    public StatusController(Astrocyte brain) {
        this.brain = brain;
    }

    @GetMapping({"/live", "/health/live"})
    public Map<String, String> live() {
        return Map.of("status", "ok");
    }

    @GetMapping("/health")
    public ResponseEntity<Map<String, Object>> health() {
        HealthStatus h;
        try {
            h = CompletableFuture.supplyAsync(brain::health).get(HEALTH_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            h = HealthStatus.down("the store did not answer within " + HEALTH_TIMEOUT_MS + " ms");
        } catch (Exception e) {
            h = HealthStatus.down("health check failed");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("healthy", h.healthy());
        out.put("message", h.message());
        out.put("latency_ms", h.latencyMs());
        out.put("last_check_at", h.lastCheckAt() == null ? null : h.lastCheckAt().toString());
        return ResponseEntity.status(h.healthy() ? 200 : 503).body(out);
    }

    @RequestMapping({"/health/ingest", "/v1/compile", "/v1/audit", "/v1/dsar/**", "/v1/graph/**", "/v1/mental-models", "/v1/mental-models/**", "/v1/observations/**",
            "/v1/ingest/**", "/v1/admin/banks", "/v1/admin/sources", "/v1/admin/tenants/**"})
    public ResponseEntity<ProblemDetail> notYet(HttpServletRequest request) {
        return ResponseEntity.status(501).body(Problems.problem(HttpStatus.NOT_IMPLEMENTED, request.getRequestURI()
                + " is part of the upstream contract but not implemented by this server yet", "NotImplemented"));
    }
}
