package io.astrocyte.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.AccessDeniedException;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.api.RoutingDecision;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.policy.Verb;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIP as a stage of the retain path: computed PII and signals, re-routing with its access check, policies. */
class MipRetainPathTest {

    private static final AstrocyteContext BOT = AstrocyteContext.of("agent:pipeline");

    @TempDir
    Path dir;

    private final InMemoryVectorStore store = new InMemoryVectorStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private Astrocyte brain(String mipYaml, List<Map<String, Object>> grants) throws Exception {
        Path file = dir.resolve("mip.yaml");
        Files.writeString(file, mipYaml);
        return Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore()).meterRegistry(meters)
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of("mip_config_path", file.toString(),
                        "access_grants", grants)))
                .build();
    }

    private static List<Map<String, Object>> writeEverywhere() {
        return List.of(Map.of("bank_id", "*", "principal", BOT.principal(), "permissions", List.of("read", "write")));
    }

    private static JsonNode upstreamCase(String id) throws Exception {
        try (InputStream in = MipRetainPathTest.class.getResourceAsStream("/mip/upstream-cases.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in)) {
                if (c.get("id").asText().equals(id)) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException(id);
    }

    private RetainResult retainCase(Astrocyte brain, JsonNode c) {
        return brain.retain(request(c.get("input")), BOT);
    }

    /** An upstream case's input as a retain; a content type the retain API does not name goes in metadata. */
    static RetainRequest request(JsonNode in) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        in.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().isNumber()
                ? e.getValue().numberValue() : e.getValue().asText()));
        RetainRequest.Builder b = RetainRequest.builder(in.get("requested_bank_id").asText(), in.get("content").asText())
                .source(in.hasNonNull("source") ? in.get("source").asText() : null);
        String type = in.path("content_type").asText("text");
        if (List.of("text", "conversation", "transcript", "document", "email", "event").contains(type)) {
            b.contentType(io.astrocyte.api.ContentType.fromWire(type));
        } else {
            metadata.put("content_type", type);
        }
        return b.metadata(metadata).build();
    }

    @Test
    void theUpstreamEndToEndCasesRouteThroughRetain() throws Exception {
        JsonNode event = upstreamCase("e2e-pipeline-event");
        try (Astrocyte brain = brain(event.get("mip_yaml").asText(), writeEverywhere())) {
            RetainResult r = retainCase(brain, event);
            assertThat(r.stored()).isTrue();
            assertThat(r.routing().ruleName()).isEqualTo("pipeline-event");
            assertThat(store.count("ops-monitoring", VectorFilters.none())).isEqualTo(1);
            assertThat(store.count("default", VectorFilters.none())).isZero();
            assertThat(store.listItems("ops-monitoring", null, 5, VectorFilters.none()).get(0).tags())
                    .containsExactly("fabric", "alkali-lake");

            RetainResult binary = retainCase(brain, upstreamCase("e2e-binary-rejected"));
            assertThat(binary.stored()).isFalse();
            assertThat(binary.error()).contains("Rejected by MIP").contains("reject-binary");
            assertThat(meters.get("astrocyte.mip.decisions").tag("rule", "reject-binary").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void piiFoundByThePatternsRoutesAndIsRedactedBeforeStorage() throws Exception {
        String yaml = "rules:\n"
                + "- {name: pii-lockdown, priority: 1, override: true, match: {pii_detected: true},\n"
                + "   action: {bank: private-vault, tags: [pii], retain_policy: redact_before_store}}\n"
                + "- {name: rest, priority: 50, match: {all: []}, action: {bank: general}}\n";
        try (Astrocyte brain = brain(yaml, writeEverywhere())) {
            RetainResult r = brain.retain(RetainRequest.of("inbox", "Write to alice.doe@example.com about the lease"), BOT);
            assertThat(r.routing().ruleName()).as("the caller did not flag it; the scan did").isEqualTo("pii-lockdown");
            String stored = store.listItems("private-vault", null, 5, VectorFilters.none()).get(0).text();
            assertThat(stored).doesNotContain("alice.doe@example.com").contains("about the lease");
            RetainResult plain = brain.retain(RetainRequest.of("inbox", "The lease starts in May"), BOT);
            assertThat(plain.routing().bankId()).isEqualTo("general");
            assertThat(brain.recall(RecallRequest.of("general", "lease May"), BOT).hits()).isNotEmpty();
        }
    }

    @Test
    void aRuleCanNeverRouteACallerIntoABankItMayNotWrite() throws Exception {
        String yaml = "rules:\n- {name: to-finance, priority: 1, match: {metadata.dept: finance},"
                + " action: {bank: 'finance-ledger'}}\n";
        List<Map<String, Object>> grants = List.of(Map.of("bank_id", "inbox", "principal", BOT.principal(),
                "permissions", List.of("read", "write")));
        try (Astrocyte brain = brain(yaml, grants)) {
            // the ledger belongs to the CFO (its first writer, under owner_only); the bot may write only to inbox
            brain.retain(RetainRequest.of("finance-ledger", "Opening balance recorded"), AstrocyteContext.of("user:cfo"));
            assertThatThrownBy(() -> brain.retain(RetainRequest.builder("inbox", "Q3 invoices are due")
                    .metadata(Map.of("dept", "finance")).build(), BOT)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("finance-ledger").hasMessageContaining("rule 'to-finance'");
            assertThat(store.count("finance-ledger", VectorFilters.none().withIncludeForgotten(true))).isEqualTo(1);
            assertThat(store.count("inbox", VectorFilters.none().withIncludeForgotten(true))).as("nothing half-written")
                    .isZero();
            assertThat(brain.retain(RetainRequest.of("inbox", "Lunch at noon"), BOT).stored()).isTrue();
        }
    }

    @Test
    void signalsAreComputedForRules() throws Exception {
        String yaml = "rules:\n"
                + "- {name: short, priority: 1, match: {signals.word_count: {lt: 4}}, action: {bank: short-notes}}\n"
                + "- {name: repeat, priority: 2, match: {signals.novelty_score: {lt: 0.05}}, action: {bank: repeats}}\n";
        try (Astrocyte brain = brain(yaml, writeEverywhere())) {
            assertThat(brain.retain(RetainRequest.of("notes", "Buy milk"), BOT).routing().bankId())
                    .isEqualTo("short-notes");
            String longer = "The quarterly planning meeting moved to Thursday afternoon in room four";
            RoutingDecision first = brain.retain(RetainRequest.of("notes", longer), BOT).routing();
            assertThat(first.resolvedBy()).as("novel: no rule").isEqualTo(RoutingDecision.ResolvedBy.PASSTHROUGH);
            assertThat(brain.retain(RetainRequest.of("notes", longer + "."), BOT).routing().bankId())
                    .as("near-identical to a memory of the bank").isEqualTo("repeats");
        }
    }

    @Test
    void mipRunsAfterAccessAndBeforeLimits() throws Exception {
        try (Astrocyte brain = brain("rules: []\n", writeEverywhere())) {
            List<String> stages = brain.requestPath(Verb.RETAIN);
            assertThat(stages.indexOf("mip")).isEqualTo(stages.indexOf("access") + 1);
            assertThat(stages.indexOf("mip")).isLessThan(stages.indexOf("rate_limit"));
            assertThat(stages.indexOf("mip")).isLessThan(stages.indexOf("pii"));
        }
    }
}
