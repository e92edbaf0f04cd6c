package io.astrocyte.spring.boot;

import io.astrocyte.Astrocyte;
import io.astrocyte.spi.HealthStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health/astrocyte}: the store's own health check (with its latency), plus the store,
 * embedder, LLM and circuit-breaker state. Down when the store says so or the breaker is open.
 */
public class AstrocyteHealthIndicator extends AbstractHealthIndicator {

    private final Astrocyte brain;

    public AstrocyteHealthIndicator(Astrocyte brain) {
        super("Astrocyte health check failed");
        this.brain = brain;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthStatus status = brain.health();
        var breaker = brain.circuitState();
        boolean up = status.healthy() && breaker != io.astrocyte.api.CircuitState.OPEN;
        (up ? builder.up() : builder.down()).withDetail("store", brain.vectorStore().name())
                .withDetail("embedder", brain.embedder().modelId())
                .withDetail("llm", brain.llm().map(l -> l.name()).orElse("none"))
                .withDetail("circuitBreaker", breaker.name().toLowerCase(java.util.Locale.ROOT));
        if (status.message() != null) {
            builder.withDetail("message", status.message());
        }
        if (status.latencyMs() != null) {
            builder.withDetail("latencyMs", status.latencyMs());
        }
    }
}
