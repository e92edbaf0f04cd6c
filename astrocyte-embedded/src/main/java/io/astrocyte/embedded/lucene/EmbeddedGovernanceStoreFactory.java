package io.astrocyte.embedded.lucene;

import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.ProviderFactory;
import io.astrocyte.store.file.FileGovernanceStore;
import java.nio.file.Path;
import java.util.Map;

/** Governance state in {@code <data folder>/governance}, next to the embedded store's index. */
public final class EmbeddedGovernanceStoreFactory implements ProviderFactory.ForGovernanceStore {

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public GovernanceStore create(Map<String, Object> config) {
        Path data = Path.of(String.valueOf(config.getOrDefault("path", EmbeddedVectorStoreFactory.DEFAULT_PATH)));
        return new FileGovernanceStore(data.resolve("governance"));
    }
}
