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

    @Test
    void aTornGrantsTemporaryFileIsIgnoredAndTheFileStaysReadable() throws Exception {
        FileGovernanceStore store = new FileGovernanceStore(dir);
        store.addGrant(io.astrocyte.identity.AccessGrant.of("notes", "user:bob",
                io.astrocyte.identity.Permission.READ));
        Files.writeString(dir.resolve("grants.json.tmp"), "[{\"bank\": \"no");
        FileGovernanceStore reopened = new FileGovernanceStore(dir);
        assertThat(reopened.grants()).hasSize(1);
        assertThat(Files.readString(dir.resolve("grants.json")))
                .contains("\"bank\" : \"notes\"", "\"principal\" : \"user:bob\"", "\"read\"");
    }
}
