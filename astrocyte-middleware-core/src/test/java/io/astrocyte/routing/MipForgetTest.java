package io.astrocyte.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.LegalHoldActiveException;
import io.astrocyte.MipRoutingException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bank's MIP forget spec on the forget path: hard mode, holds for compliance forgets, per-call cap. */
class MipForgetTest {

    private static final AstrocyteContext OPS = AstrocyteContext.of("user:ops");
    private final InMemoryVectorStore store = new InMemoryVectorStore();

    private Astrocyte brain(String forget) {
        String yaml = "rules:\n- name: vault-rule\n  match: {content_type: pii}\n  action:\n    bank: vault\n"
                + "    forget: " + forget + "\n";
        return Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore())
                .mipConfig(new MipLoader(k -> null).parse(yaml, "mip.yaml"))
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of("access_grants", List.of(Map.of(
                        "bank_id", "*", "principal", OPS.principal(), "permissions",
                        List.of("read", "write", "forget", "admin"))))))
                .build();
    }

    @Test
    void hardModePurgesEvenAnOrdinaryForget() {
        try (Astrocyte brain = brain("{version: 1, mode: hard, audit: required}")) {
            String id = brain.retain(RetainRequest.of("vault", "Card ending 4242 expires in May"), OPS).memoryId();
            assertThat(brain.forget(ForgetRequest.byIds("vault", List.of(id)), OPS).deletedCount()).isEqualTo(1);
            assertThat(store.count("vault", VectorFilters.none().withIncludeForgotten(true))).as("purged, no history")
                    .isZero();
        }
    }

    @Test
    void theGdprPresetLetsAHoldStopEvenACompliancePurge() {
        try (Astrocyte brain = brain("{version: 1, preset: gdpr}")) {
            String id = brain.retain(RetainRequest.of("vault", "Passport number X1234567"), OPS).memoryId();
            brain.setLegalHold("vault", "case-1", "litigation", OPS);
            assertThatThrownBy(() -> brain.forget(ForgetRequest.byIds("vault", List.of(id)).asCompliance("erasure"),
                    OPS)).isInstanceOf(LegalHoldActiveException.class);
            brain.releaseLegalHold("vault", "case-1", OPS);
            assertThat(brain.forget(ForgetRequest.byIds("vault", List.of(id)).asCompliance("erasure"), OPS)
                    .deletedCount()).isEqualTo(1);
        }
    }

    @Test
    void maxPerCallRefusesABroaderForgetAndForgetsNothing() {
        try (Astrocyte brain = brain("{version: 1, mode: soft, max_per_call: 2}")) {
            for (int i = 0; i < 3; i++) {
                brain.retain(RetainRequest.builder("vault", "Note number " + i + " about the account").tags("acct")
                        .build(), OPS);
            }
            assertThatThrownBy(() -> brain.forget(ForgetRequest.byTags("vault", List.of("acct")), OPS))
                    .isInstanceOf(MipRoutingException.class).hasMessageContaining("max_per_call is 2");
            assertThat(store.count("vault", VectorFilters.none())).isEqualTo(3);
        }
    }
}
