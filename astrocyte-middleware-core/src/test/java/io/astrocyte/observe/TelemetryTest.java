package io.astrocyte.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Verb metrics and observations on the application's registries (SPEC §3.6). */
class TelemetryTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext BOB = AstrocyteContext.of("user:bob");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry observations = ObservationRegistry.create();

    {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
    }

    private Astrocyte open(boolean bankLabel) {
        return Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore()).meterRegistry(meters).observationRegistry(observations)
                .config(new ConfigLoader(k -> null).fromMap(Map.of(
                        "observability", Map.of("bank_label", bankLabel),
                        "access_control", Map.of("enabled", true, "default_policy", "owner_only"),
                        "homeostasis", Map.of("recall_max_tokens", 5)))).build();
    }

    private double count(String name, String... tags) {
        var search = meters.find(name).tags(tags);
        return search.counter() == null ? 0 : search.counter().count();
    }

    @Test
    void everyVerbIsCountedTimedAndObservedWithItsStatus() {
        try (Astrocyte brain = open(true)) {
            brain.retain(RetainRequest.of("diary", "Alice's email is alice@example.com and she likes long walks by the sea"), ALICE);
            brain.retain(RetainRequest.of("diary", "   "), ALICE);
            brain.recall(RecallRequest.of("diary", "walks"), ALICE);
            brain.reflect(ReflectRequest.of("diary", "What does Alice like?"), ALICE);
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("diary", "walks"), BOB))
                    .isInstanceOf(AccessDeniedException.class);
            brain.forget(ForgetRequest.byTags("diary", List.of("none")), ALICE);

            assertThat(count("astrocyte.retain", "status", "ok", "bank_id", "diary", "provider", "in_memory")).isEqualTo(1);
            assertThat(count("astrocyte.retain", "status", "rejected")).isEqualTo(1);
            assertThat(count("astrocyte.recall", "status", "ok")).isEqualTo(1);
            assertThat(count("astrocyte.recall", "status", "denied")).isEqualTo(1);
            assertThat(count("astrocyte.reflect", "status", "ok")).isEqualTo(1);
            assertThat(count("astrocyte.forget", "status", "ok")).isEqualTo(1);
            assertThat(count("astrocyte.pii.detected", "action", "redact", "bank_id", "diary")).isEqualTo(1);
            assertThat(count("astrocyte.token_budget.truncations")).isEqualTo(1);
            assertThat(meters.find("astrocyte.recall.duration").timers()).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.count()).isPositive());
            assertThat(meters.find("astrocyte.circuit_breaker.state").gauge().value()).isZero();

            assertThat(stopped).extracting(Observation.Context::getName).contains("astrocyte.retain",
                    "astrocyte.recall", "astrocyte.reflect", "astrocyte.forget");
            assertThat(stopped).filteredOn(c -> c.getName().equals("astrocyte.recall"))
                    .anySatisfy(c -> {
                        assertThat(c.getLowCardinalityKeyValue("astrocyte.status").getValue()).isEqualTo("denied");
                        assertThat(c.getError()).isInstanceOf(AccessDeniedException.class);
                    });
            // Memory text never reaches a meter or an observation.
            assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().toString()).doesNotContain("walks"));
        }
    }

    @Test
    void theBankLabelIsOffByDefault() {
        try (Astrocyte brain = open(false)) {
            brain.retain(RetainRequest.of("user-alice", "hello"), ALICE);
            assertThat(meters.find("astrocyte.retain").counter().getId().getTag("bank_id")).isNull();
            assertThat(stopped.get(0).getLowCardinalityKeyValue("astrocyte.bank_id")).isNull();
        }
    }
}
