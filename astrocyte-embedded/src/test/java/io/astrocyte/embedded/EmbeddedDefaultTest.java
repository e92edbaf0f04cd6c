package io.astrocyte.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.ConfigException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.embedded.embedding.LocalEmbedder;
import io.astrocyte.embedded.lucene.LuceneVectorStore;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Astrocyte.builder().build()} with this module present: Lucene store + MiniLM, persisted. */
class EmbeddedDefaultTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    @TempDir
    Path dir;

    @Test
    void theBuilderDefaultsToTheEmbeddedStoreAndLocalModelAndMemoriesPersist() {
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dir).build()) {
            assertThat(brain.vectorStore()).isInstanceOf(LuceneVectorStore.class);
            assertThat(brain.embedder()).isInstanceOf(LocalEmbedder.class);
            brain.retain(RetainRequest.of("user-alice", "Alice is vegetarian and never eats meat."), ALICE);
            brain.retain(RetainRequest.of("user-alice", "Alice's laptop is a ThinkPad."), ALICE);
        }
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dir).build()) {
            RecallResult r = brain.recall(RecallRequest.of("user-alice", "what kind of dishes should I cook for her?"),
                    ALICE);
            assertThat(r.hits()).extracting(MemoryHit::text).first()
                    .isEqualTo("Alice is vegetarian and never eats meat.");
            assertThat(brain.memoryCount("user-alice", ALICE)).isEqualTo(2);
        }
        assertThat(Files.exists(dir.resolve("store.json"))).isTrue();
    }

    @Test
    void aRepeatIsRecognisedAfterARestartWithTheRealModel() {
        String first;
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dir).build()) {
            first = brain.retain(RetainRequest.of("user-alice", "Alice is vegetarian and never eats meat."), ALICE)
                    .memoryId();
        }
        try (Astrocyte brain = Astrocyte.builder().dataDirectory(dir).build()) {
            // MiniLM is uncased, so this is the same memory; "meat!" for "meat." would already be only 0.93.
            var again = brain.retain(RetainRequest.of("user-alice", "ALICE is vegetarian and never eats meat."), ALICE);
            assertThat(again.deduplicated()).as("found through the reopened index, not a cache").isTrue();
            assertThat(again.stored()).isFalse();
            assertThat(again.memoryId()).isEqualTo(first);
            assertThat(brain.retain(RetainRequest.of("user-alice", "Alice's phone is an old iPhone."), ALICE).stored())
                    .as("a different fact about Alice is kept").isTrue();
            assertThat(brain.memoryCount("user-alice", ALICE)).isEqualTo(2);
        }
    }

    @Test
    void aConfigFileSelectsTheDataFolderAndUnknownStoreKeysAreNamed() throws Exception {
        Path yaml = dir.resolve("astrocyte.yaml");
        Files.writeString(yaml, "vector_store: embedded\nvector_store_config: {path: \""
                + dir.resolve("data").toString().replace("\\", "/") + "\"}\n");
        try (Astrocyte brain = Astrocyte.fromConfig(yaml)) {
            brain.retain(RetainRequest.of("b", "configured folder"), ALICE);
        }
        assertThat(Files.isDirectory(dir.resolve("data").resolve("index"))).isTrue();
        assertThatThrownBy(() -> Astrocyte.fromConfig(Map.of("vector_store_config", Map.of("pth", "x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("vector_store_config.pth");
    }

    @Test
    void aConfigFileSelectsTheBgeModelAndTheFolderKeepsIt() throws Exception {
        Path yaml = dir.resolve("astrocyte.yaml");
        String folder = dir.resolve("bge").toString().replace("\\", "/");
        Files.writeString(yaml, "vector_store_config: {path: \"" + folder + "\"}\n"
                + "embedding_provider_config: {model: bge-small-en-v1.5-q, threads: 1}\n");
        try (Astrocyte brain = Astrocyte.fromConfig(yaml)) {
            assertThat(brain.embedder().modelId()).isEqualTo("bge-small-en-v1.5-q");
            brain.retain(RetainRequest.of("user-alice", "Alice is vegetarian and never eats meat."), ALICE);
            brain.retain(RetainRequest.of("user-alice", "Alice's laptop is a ThinkPad."), ALICE);
        }
        try (Astrocyte brain = Astrocyte.fromConfig(yaml)) {
            assertThat(brain.recall(RecallRequest.of("user-alice", "which computer does she use?"), ALICE).hits())
                    .extracting(MemoryHit::text).first().isEqualTo("Alice's laptop is a ThinkPad.");
        }
        // the folder holds bge-small's vectors: the default model may not write MiniLM's beside them
        assertThatThrownBy(() -> Astrocyte.fromConfig(Map.of("vector_store_config", Map.of("path", folder))))
                .hasMessageContaining("bge-small-en-v1.5-q");
    }

    @Test
    void ownerOnlyOwnershipIsKeptInTheDataFolderAcrossRestarts() {
        AstrocyteContext bob = AstrocyteContext.of("user:bob");
        var config = new io.astrocyte.config.ConfigLoader(k -> null).fromMap(Map.of(
                "access_control", Map.of("enabled", true, "default_policy", "owner_only")));
        try (Astrocyte brain = Astrocyte.builder().config(config).dataDirectory(dir).build()) {
            brain.retain(RetainRequest.of("diary", "Alice's diary entry"), ALICE);
        }
        assertThat(Files.exists(dir.resolve("governance").resolve("owners.json"))).isTrue();
        try (Astrocyte brain = Astrocyte.builder().config(config).dataDirectory(dir).build()) {
            assertThatThrownBy(() -> brain.recall(RecallRequest.of("diary", "diary"), bob))
                    .isInstanceOf(io.astrocyte.AccessDeniedException.class);
            assertThat(brain.recall(RecallRequest.of("diary", "diary"), ALICE).hits()).hasSize(1);
        }
    }
}
