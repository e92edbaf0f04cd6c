package io.astrocyte.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.AccessGrantConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext COUNSEL = AstrocyteContext.of("user:counsel");

    @Test
    void theVerbsAndHoldsLeaveAVerifiableTrailWithIdsButNoText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AstrocyteConfig config = AstrocyteConfig.defaultConfig().withAccessGrants(List.of(
                new AccessGrantConfig("user-alice", COUNSEL.principal(), List.of("admin"))));
        String id;
        try (HashChainedAuditLog audit = HashChainedAuditLog.open(file);
                Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                        .embedder(new HashingEmbedder(64)).governanceStore(new InMemoryGovernanceStore())
                        .auditSink(audit).config(config).build()) {
            id = brain.retain(RetainRequest.of("user-alice", "Alice's passport number is in the blue folder"), ALICE)
                    .memoryId();
            brain.recall(RecallRequest.of("user-alice", "passport folder"), ALICE);
            brain.setLegalHold("user-alice", "case-9", "records request", COUNSEL);
            brain.releaseLegalHold("user-alice", "case-9", COUNSEL);
            brain.forget(ForgetRequest.byIds("user-alice", List.of(id)).asCompliance("erasure request"), ALICE);
        }
        assertThat(AuditLog.verify(file).intact()).isTrue();
        String text = Files.readString(file);
        assertThat(text).doesNotContain("passport").doesNotContain("blue folder");
        ObjectMapper json = new ObjectMapper();
        List<String> types = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = json.readTree(line);
            types.add(n.get("event_type").asText());
            assertThat(n.get("bank_id").asText()).isEqualTo("user-alice");
        }
        assertThat(types).containsExactly("bank.created", "memory.created", "memory.recalled", "bank.legal_hold.set",
                "bank.legal_hold.released", "memory.deleted");
        JsonNode deleted = json.readTree(Files.readAllLines(file).get(5));
        assertThat(deleted.get("actor").asText()).isEqualTo("user:alice");
        assertThat(deleted.get("reason").asText()).isEqualTo("erasure request");
        assertThat(deleted.get("memory_ids").get(0).asText()).isEqualTo(id);
        assertThat(deleted.get("metadata").get("compliance").asBoolean()).isTrue();
    }

    @Test
    void aDataFolderGetsItsOwnTrail(@TempDir Path dir) {
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).governanceStore(new InMemoryGovernanceStore()).dataDirectory(dir)
                .config(AstrocyteConfig.defaultConfig()).build()) {
            brain.retain(RetainRequest.of("user-alice", "Alice plays the cello"), ALICE);
        }
        AuditLog.Verification v = AuditLog.verify(dir.resolve("audit").resolve("audit.jsonl"));
        assertThat(v.intact()).isTrue();
        assertThat(v.lines()).as("bank.created, memory.created").isEqualTo(2);
    }
}
