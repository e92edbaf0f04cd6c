package io.astrocyte.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGovernanceStoreTest {

    @TempDir
    Path dir;

    @Test
    void ownersPersistAndTheFirstClaimWins() throws Exception {
        FileGovernanceStore store = new FileGovernanceStore(dir);
        assertThat(store.claimOwner("diary", "user:alice")).isEqualTo("user:alice");
        assertThat(store.claimOwner("diary", "user:bob")).isEqualTo("user:alice");
        assertThat(Files.exists(dir.resolve("owners.json.tmp"))).isFalse();

        FileGovernanceStore reopened = new FileGovernanceStore(dir);
        assertThat(reopened.owner("diary")).contains("user:alice");
        assertThat(reopened.owner("other")).isEmpty();
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsIgnored() throws Exception {
        new FileGovernanceStore(dir).claimOwner("diary", "user:alice");
        Files.writeString(dir.resolve("owners.json.tmp"), "{\"diary\": \"user:mall");
        FileGovernanceStore reopened = new FileGovernanceStore(dir);
        assertThat(reopened.owner("diary")).contains("user:alice");
        assertThat(reopened.claimOwner("notes", "user:bob")).isEqualTo("user:bob");
        assertThat(new FileGovernanceStore(dir).owner("notes")).contains("user:bob");
    }
}
