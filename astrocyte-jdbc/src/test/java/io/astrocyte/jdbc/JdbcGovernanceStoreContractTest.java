package io.astrocyte.jdbc;

import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.contract.GovernanceStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The governance contract against the real PostgreSQL, each test in its own schema. */
class JdbcGovernanceStoreContractTest extends GovernanceStoreContract {

    private String schema;
    private final List<GovernanceStore> opened = new ArrayList<>();

    @BeforeEach
    void schema() {
        PostgresTestDatabase.require();
        schema = PostgresTestDatabase.freshSchema();
    }

    @AfterEach
    void drop() {
        opened.forEach(GovernanceStore::close);
        PostgresTestDatabase.dropSchema(schema);
    }

    @Override
    protected boolean shared() {
        return true;
    }

    @Override
    protected GovernanceStore open() {
        GovernanceStore store = JdbcGovernanceStore.open(PostgresTestDatabase.URL, PostgresTestDatabase.USER, null,
                schema, "gov_", 4);
        opened.add(store);
        return store;
    }
}
