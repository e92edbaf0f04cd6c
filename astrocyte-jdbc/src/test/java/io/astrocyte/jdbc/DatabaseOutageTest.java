package io.astrocyte.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.Permission;
import io.astrocyte.testing.CuttableProxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away mid-run (every connection dropped, new ones refused, as a restart does) and comes back:
 * calls in between fail with {@link ProviderUnavailableException}, nothing acknowledged before is lost, and the
 * store works again without being reopened. The outage is a proxy between the pool and the real PostgreSQL.
 */
class DatabaseOutageTest {

    private String schema;

    @BeforeEach
    void schema() {
        PostgresTestDatabase.require();
        schema = PostgresTestDatabase.freshSchema();
    }

    @AfterEach
    void drop() {
        PostgresTestDatabase.dropSchema(schema);
    }

    @Test
    void anAcknowledgedGrantSurvivesARestartAndTheStoreRecovers() throws Exception {
        java.net.URI uri = java.net.URI.create(PostgresTestDatabase.URL.substring("jdbc:".length()));
        try (CuttableProxy proxy = new CuttableProxy(uri.getHost(), uri.getPort());
                JdbcGovernanceStore store = JdbcGovernanceStore.open("jdbc:postgresql://127.0.0.1:" + proxy.port()
                        + uri.getPath() + "?connectTimeout=2&socketTimeout=5", PostgresTestDatabase.USER, null, schema,
                        "gov_", 2)) {
            store.addGrant(AccessGrant.of("team-*", "user:ann", Permission.READ, Permission.WRITE));
            assertThat(store.claimOwner("ledger", "user:ann")).isEqualTo("user:ann");

            proxy.cut();
            assertThatThrownBy(() -> store.addGrant(AccessGrant.of("team-*", "user:bob", Permission.READ)))
                    .isInstanceOf(ProviderUnavailableException.class);

            proxy.restore();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    assertThat(store.grants()).as("acknowledged before the outage").containsExactly(
                            AccessGrant.of("team-*", "user:ann", Permission.READ, Permission.WRITE));
                    last = null;
                    break;
                } catch (ProviderUnavailableException e) {
                    last = e; // the pool replaces its broken connections
                    Thread.sleep(250);
                }
            }
            assertThat(last).as("the store recovered").isNull();
            assertThat(store.owner("ledger")).contains("user:ann");
            assertThat(store.addGrant(AccessGrant.of("team-*", "user:bob", Permission.READ)).permissions())
                    .containsExactly(Permission.READ);
        }
    }
}
