package io.astrocyte.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.PiiRejectedException;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.config.PiiConfig;
import io.astrocyte.config.SignalQualityConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code banks.<id>.profile|homeostasis|barriers} are merged over the global settings and enforced per bank. */
class PerBankPoliciesTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    private static AstrocyteConfig config() {
        return new ConfigLoader(k -> null).fromMap(Map.of(
                "homeostasis", Map.of("rate_limits", Map.of("retain_per_minute", 100)),
                "barriers", Map.of("pii", Map.of("action", "redact", "countries", java.util.List.of("UK"))),
                "banks", Map.of(
                        "hr", Map.of("barriers", Map.of("pii", Map.of("action", "reject"))),
                        "notes", Map.of("profile", "research"),
                        "kb", Map.of("homeostasis", Map.of("recall_max_tokens", 5,
                                "rate_limits", Map.of("retain_per_minute", 2))))));
    }

    @Test
    void overridesMergeOverTheGlobalSettings() {
        AstrocyteConfig c = config();
        assertThat(c.barriersFor("hr").pii().action()).isEqualTo(PiiConfig.Action.REJECT);
        assertThat(c.barriersFor("hr").pii().countries()).as("kept from the global block").containsExactly("UK");
        assertThat(c.barriersFor("notes").pii().mode()).isEqualTo(PiiConfig.Mode.DISABLED);
        assertThat(c.homeostasisFor("notes").rateLimits().retainPerMinute()).as("research profile").isEqualTo(200);
        assertThat(c.homeostasisFor("kb").rateLimits().retainPerMinute()).isEqualTo(2);
        assertThat(c.homeostasisFor("other").rateLimits().retainPerMinute()).isEqualTo(100);
        assertThat(c.barriersFor("other")).isSameAs(c.barriers());
    }

    @Test
    void eachBankIsHeldToItsOwnPolicy() {
        try (Astrocyte brain = Astrocyte.builder().config(config()).vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).build()) {
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("hr", "Payroll contact: pay@corp.example"), ALICE))
                    .isInstanceOf(PiiRejectedException.class);
            brain.retain(RetainRequest.of("team", "Payroll contact: pay@corp.example"), ALICE);
            assertThat(brain.recall(RecallRequest.of("team", "payroll"), ALICE).hits().get(0).text())
                    .isEqualTo("Payroll contact: [EMAIL_REDACTED]");
            brain.retain(RetainRequest.of("notes", "Source author: pay@corp.example"), ALICE);
            assertThat(brain.recall(RecallRequest.of("notes", "author"), ALICE).hits().get(0).text())
                    .as("research profile: no PII barrier").isEqualTo("Source author: pay@corp.example");

            brain.retain(RetainRequest.of("kb", "The VPN endpoint is vpn.corp.example and rotates monthly"), ALICE);
            brain.retain(RetainRequest.of("kb", "Printers live on the third floor next to the kitchen"), ALICE);
            assertThatThrownBy(() -> brain.retain(RetainRequest.of("kb", "third"), ALICE))
                    .isInstanceOf(RateLimitedException.class);
            assertThat(brain.recall(RecallRequest.of("kb", "VPN printers"), ALICE).truncated())
                    .as("kb's 5-token recall budget").isTrue();
            assertThat(brain.recall(RecallRequest.of("team", "payroll"), ALICE).truncated()).isFalse();
        }
    }

    @Test
    void aBankSignalQualityBlockMergesLikeTheOtherSections() {
        AstrocyteConfig c = new ConfigLoader(k -> null).fromMap(Map.of(
                "signal_quality", Map.of("dedup", Map.of("similarity_threshold", 0.9, "action", "warn")),
                "banks", Map.of("x", Map.of("signal_quality", Map.of("dedup", Map.of("action", "update"))),
                        "y", Map.of("profile", "support"))));
        assertThat(c.signalQualityFor("x").dedup().action()).isEqualTo(SignalQualityConfig.DedupAction.UPDATE);
        assertThat(c.signalQualityFor("x").dedup().similarityThreshold()).as("kept from the global block")
                .isEqualTo(0.9);
        assertThat(c.signalQualityFor("y").dedup().similarityThreshold()).as("support profile").isEqualTo(0.92);
        assertThat(c.signalQualityFor("y").noisyBank().action())
                .isEqualTo(SignalQualityConfig.NoisyAction.THROTTLE);
        assertThat(c.signalQualityFor("other")).isSameAs(c.signalQuality());
        assertThatThrownBy(() -> new ConfigLoader(k -> null).fromMap(Map.of("signal_quality",
                Map.of("dedup", Map.of("similarity_threshold", 1.5)))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("similarity_threshold");
    }
}
