package io.astrocyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The order of the request path is a contract (ARCHITECTURE): access control → rate limit and quota →
 * content validation → PII barrier → metadata → dedup → store. Each test shows that a stage refusing a call
 * leaves every later stage untouched.
 */
class RequestPathOrderTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext MALLORY = AstrocyteContext.of("user:mallory");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private Astrocyte open(Map<String, Object> homeostasis) {
        return open(new InMemoryVectorStore(), homeostasis, Map.of("barriers", Map.of(
                "validation", Map.of("max_content_length", 60),
                "pii", Map.of("type_overrides", Map.of("ssn", Map.of("action", "reject"))))));
    }

    /** Alice may read and write bank diary, everyone else nothing; {@code extra} adds top-level keys. */
    private Astrocyte open(io.astrocyte.spi.VectorStore store, Map<String, Object> homeostasis,
            Map<String, Object> extra) {
        Map<String, Object> config = new java.util.LinkedHashMap<>(extra);
        config.put("access_control", Map.of("enabled", true, "default_policy", "deny"));
        config.put("access_grants", List.of(Map.of("bank_id", "diary", "principal", "user:alice",
                "permissions", List.of("read", "write"))));
        config.put("homeostasis", homeostasis);
        return Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore()).meterRegistry(meters)
                .config(new ConfigLoader(k -> null).fromMap(config)).build();
    }

    private double pii() {
        return meters.find("astrocyte.pii.detected").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Test double: counts similarity searches, to see whether a call reached the store. */
    private final java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();

    private Astrocyte openCounting(Map<String, Object> homeostasis) {
        return openCounting(homeostasis, Map.of(
                "dlp", Map.of("scan_recall_output", true, "scan_reflect_output", true, "output_pii_action", "redact"),
                "barriers", Map.of("pii", Map.of("action", "warn"))));
    }

    private Astrocyte openCounting(Map<String, Object> homeostasis, Map<String, Object> extra) {
        var store = new io.astrocyte.store.memory.ForwardingVectorStore(new InMemoryVectorStore()) {
            @Override
            public List<io.astrocyte.spi.VectorHit> searchSimilar(float[] v, String bank, int limit,
                    io.astrocyte.spi.VectorFilters f) {
                searches.incrementAndGet();
                return super.searchSimilar(v, bank, limit, f);
            }
        };
        return open(store, homeostasis, extra);
    }

    @Test
    void recallAndReflectCheckAccessThenLimitsBeforeTheStoreAndRunDlpLast() {
        try (Astrocyte brain = openCounting(Map.of("rate_limits", Map.of("recall_per_minute", 1, "reflect_per_minute", 1),
                "quotas", Map.of("reflect_per_day", 5)))) {
            brain.retain(RetainRequest.of("diary", "Call me on (555) 123-4567"), ALICE);
            int afterRetain = searches.get();
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("diary", "call"), MALLORY))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(searches.get()).as("a denied call never reaches the store").isEqualTo(afterRetain);
            var hit = brain.recall(RecallRequest.of("diary", "call"), ALICE).hits().get(0);
            assertThat(hit.text()).as("DLP runs on the way out").isEqualTo("Call me on [PHONE_REDACTED]");
            int afterOne = searches.get();
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("diary", "call"), ALICE))
                    .isInstanceOf(RateLimitedException.class);
            assertThat(searches.get()).as("a rate-limited call never reaches the store").isEqualTo(afterOne);
            assertThat(brain.reflect(io.astrocyte.api.ReflectRequest.of("diary", "What number do I call?"), ALICE)
                    .answer()).doesNotContain("123-4567");
            int afterReflect = searches.get();
            assertThatThrownBy(() -> brain.reflect(io.astrocyte.api.ReflectRequest.of("diary", "again?"), ALICE))
                    .isInstanceOf(RateLimitedException.class);
            assertThat(searches.get()).isEqualTo(afterReflect);
        }
    }

    @Test
    void aDeniedCallTakesNoRateLimitToken() {
        try (Astrocyte brain = open(Map.of("rate_limits", Map.of("retain_per_minute", 1, "recall_per_minute", 1)))) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "planted"), MALLORY))
                        .isInstanceOf(AccessDeniedException.class);
                assertThatThrownBy(() -> brain.recall(RecallRequest.of("diary", "x"), MALLORY))
                        .isInstanceOf(AccessDeniedException.class);
            }
            assertThat(brain.retain(RetainRequest.of("diary", "first note"), ALICE).stored()).isTrue();
            brain.recall(RecallRequest.of("diary", "note"), ALICE);
        }
    }

    @Test
    void aRateLimitedCallIsNeitherValidatedNorScanned() {
        try (Astrocyte brain = open(Map.of("rate_limits", Map.of("retain_per_minute", 1)))) {
            brain.retain(RetainRequest.of("diary", "first note"), ALICE);
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "mail me at a@b.example"), ALICE))
                    .isInstanceOf(RateLimitedException.class);
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "x".repeat(500)), ALICE))
                    .as("even invalid content hits the rate limit first").isInstanceOf(RateLimitedException.class);
            assertThat(pii()).isZero();
        }
    }

    @Test
    void invalidContentIsNotScannedAndARefusalUsesNoQuota() {
        try (Astrocyte brain = open(Map.of("quotas", Map.of("retain_per_day", 1)))) {
            var tooLong = brain.retain(RetainRequest.of("diary", "mail a@b.example " + "x".repeat(100)), ALICE);
            assertThat(tooLong.stored()).isFalse();
            assertThat(pii()).as("validation comes before the PII barrier").isZero();
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "SSN 123-45-6789"), ALICE))
                    .isInstanceOf(PiiRejectedException.class);
            assertThat(pii()).isEqualTo(1);
            assertThat(brain.memoryCount("diary", ALICE)).as("nothing reached the store").isZero();
            assertThat(brain.retain(RetainRequest.builder("diary", "mail a@b.example")
                    .metadata(Map.of("password", "hunter2")).build(), ALICE).stored())
                    .as("the quota was not used by the refused calls").isTrue();
            var stored = brain.recall(RecallRequest.of("diary", "mail"), ALICE).hits().get(0);
            assertThat(stored.text()).isEqualTo("mail [EMAIL_REDACTED]");
            assertThat(stored.metadata()).doesNotContainKey("password");
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "second"), ALICE))
                    .isInstanceOf(RateLimitedException.class).hasMessageContaining("quota");
        }
    }

    @Test
    void dedupRunsAfterThePiiBarrierAndBeforeTheStore() {
        try (Astrocyte brain = openCounting(Map.of(), Map.of("barriers", Map.of("pii", Map.of("type_overrides",
                Map.of("ssn", Map.of("action", "reject"))))))) {
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("diary", "SSN 123-45-6789"), ALICE))
                    .isInstanceOf(PiiRejectedException.class);
            assertThat(searches.get()).as("a PII refusal never reaches dedup").isZero();
            var first = brain.retain(RetainRequest.of("diary", "Call me on (555) 123-4567"), ALICE);
            assertThat(searches.get()).as("dedup asked the store for neighbours").isEqualTo(1);
            var second = brain.retain(RetainRequest.of("diary", "Call me on (555) 987-6543"), ALICE);
            assertThat(second.deduplicated()).as("dedup compares the redacted text").isTrue();
            assertThat(second.stored()).isFalse();
            assertThat(second.memoryId()).isEqualTo(first.memoryId());
            assertThat(brain.memoryCount("diary", ALICE)).isEqualTo(1);
        }
    }

    @Test
    void everyVerbPrintsItsStagesInTheOrderTheyAct() {
        try (Astrocyte brain = open(Map.of())) {
            assertThat(brain.requestPath(io.astrocyte.policy.Verb.RETAIN)).containsExactly("span", "request", "access",
                    "mip", "rate_limit", "quota", "noisy_bank", "validation", "pii", "metadata", "store", "escalation",
                    "audit", "statistics", "events");
            assertThat(brain.requestPath(io.astrocyte.policy.Verb.RECALL)).containsExactly("span", "request", "access",
                    "rate_limit", "store", "budget", "dlp", "escalation", "audit", "statistics",
                    "events");
            assertThat(brain.requestPath(io.astrocyte.policy.Verb.REFLECT)).containsExactly("span", "request",
                    "access", "rate_limit", "quota", "store", "answer", "dlp", "escalation", "statistics", "events");
            assertThat(brain.requestPath(io.astrocyte.policy.Verb.FORGET)).containsExactly("span", "request",
                    "access", "mip", "legal_hold", "compliance_log", "store", "audit", "statistics", "events");
            assertThat(brain.requestPath(io.astrocyte.policy.Verb.IMPORT))
                    .as("each imported memory, after the import was allowed once")
                    .containsExactly("validation", "pii", "metadata", "store");
        }
    }
}
