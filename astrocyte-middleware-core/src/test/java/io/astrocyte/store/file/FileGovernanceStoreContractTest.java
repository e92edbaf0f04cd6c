package io.astrocyte.store.file;

import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.contract.GovernanceStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileGovernanceStoreContractTest extends GovernanceStoreContract {

    @TempDir
    Path dir;

    @Override
    protected GovernanceStore open() {
        return new FileGovernanceStore(dir);
    }
}
