package io.astrocyte.policy.barrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.PiiRejectedException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The barriers on the retain path and DLP on the way out, through the facade. */
class BarriersThroughTheFacadeTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    private static Astrocyte open(Map<String, ?> config) {
        AstrocyteConfig c = new ConfigLoader(k -> null).fromMap(config);
        return Astrocyte.builder().config(c).vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                .build();
    }

    @Test
    void byDefaultPiiIsRedactedBeforeItIsStoredAndSecretMetadataDropped() {
        try (Astrocyte brain = open(Map.of())) {
            brain.retain(RetainRequest.builder("notes", "Alice's email is alice@example.com and card 4111 1111 1111 1111")
                    .metadata(Map.of("api_key", "sk-123", "topic", "contact")).build(), ALICE);
            MemoryHit hit = brain.recall(RecallRequest.of("notes", "Alice email card"), ALICE).hits().get(0);
            assertThat(hit.text()).isEqualTo("Alice's email is [EMAIL_REDACTED] and card [CC_REDACTED]");
            assertThat(hit.metadata()).containsEntry("topic", "contact").doesNotContainKey("api_key");
        }
    }

    @Test
    void aRejectOverrideStoresNothing() {
        try (Astrocyte brain = open(Map.of("barriers", Map.of("pii", Map.of("countries", List.of("GB"),
                "type_overrides", Map.of("uk_nino", Map.of("action", "reject"))))))) {
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("hr", "Bob's NI number is AB 12 34 56 C"), ALICE))
                    .isInstanceOfSatisfying(PiiRejectedException.class,
                            e -> assertThat(e.piiTypes()).containsExactly("uk_nino"));
            assertThat(brain.memoryCount("hr", ALICE)).isZero();
        }
    }

    @Test
    void dlpRedactsOrDropsRecallHitsAndBlocksReflectAnswers() {
        Map<String, Object> warnOnRetain = Map.of("pii", Map.of("action", "warn"));
        try (Astrocyte redact = open(Map.of("barriers", warnOnRetain,
                "dlp", Map.of("scan_recall_output", true, "scan_reflect_output", true, "output_pii_action", "redact")))) {
            redact.retain(RetainRequest.of("notes", "Support line is (555) 123-4567 for Alice"), ALICE);
            assertThat(redact.recall(RecallRequest.of("notes", "support line"), ALICE).hits().get(0).text())
                    .isEqualTo("Support line is [PHONE_REDACTED] for Alice");
            ReflectResult answer = redact.reflect(ReflectRequest.of("notes", "What is the support line?"), ALICE);
            assertThat(answer.answer()).doesNotContain("123-4567");
        }
        try (Astrocyte reject = open(Map.of("barriers", warnOnRetain,
                "dlp", Map.of("scan_recall_output", true, "scan_reflect_output", true, "output_pii_action", "reject")))) {
            reject.retain(RetainRequest.of("notes", "Support line is (555) 123-4567 for Alice"), ALICE);
            reject.retain(RetainRequest.of("notes", "The support line opens at nine"), ALICE);
            List<MemoryHit> hits = reject.recall(RecallRequest.of("notes", "support line"), ALICE).hits();
            assertThat(hits).extracting(MemoryHit::text).containsExactly("The support line opens at nine");
            ReflectResult blocked = reject.reflect(ReflectRequest.of("notes", "What is the support line number?"), ALICE);
            if (blocked.answer().isEmpty()) {
                assertThat(blocked.observations()).contains(OutputDlp.BLOCKED_OBSERVATION);
            } else {
                assertThat(blocked.answer()).doesNotContain("123-4567");
            }
        }
        try (Astrocyte warn = open(Map.of("barriers", warnOnRetain, "dlp", Map.of("scan_recall_output", true)))) {
            warn.retain(RetainRequest.of("notes", "Support line is (555) 123-4567 for Alice"), ALICE);
            assertThat(warn.recall(RecallRequest.of("notes", "support line"), ALICE).hits().get(0).text())
                    .contains("(555) 123-4567");
        }
    }
}
