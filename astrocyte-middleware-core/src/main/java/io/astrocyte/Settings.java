package io.astrocyte;

import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.identity.AccessController;
import io.astrocyte.spi.AccessPolicyProvider;
import io.astrocyte.spi.AuditSink;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spi.MemoryEventListener;
import io.astrocyte.spi.RateLimitStore;
import io.astrocyte.spi.VectorStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** What {@link AstrocyteBuilder} was given; {@code null} where discovery or a default decides. */
record Settings(AstrocyteConfig config, VectorStore vectorStore, Embedder embedder, LlmProvider llm,
        AccessController accessController, Clock clock, Path dataDirectory, GovernanceStore governanceStore,
        AccessPolicyProvider accessPolicyProvider, Function<String, String> environment,
        RateLimitStore rateLimitStore, MeterRegistry meterRegistry, List<MemoryEventListener> listeners,
        ObservationRegistry observationRegistry, AuditSink auditSink, boolean scheduleLifecycle,
        io.astrocyte.routing.MipConfig mipConfig) {
}
