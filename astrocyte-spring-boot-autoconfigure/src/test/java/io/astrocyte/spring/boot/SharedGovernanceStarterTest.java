package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.astrocyte.Astrocyte;
import io.astrocyte.api.MemoryEvent;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.GovernanceStore;
import io.astrocyte.spi.MemoryEventListener;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter wires the app's DataSource for governance-store=jdbc and picks up the app's own SPI beans. */
class SharedGovernanceStarterTest {

    private static final String PG = System.getenv().getOrDefault("ASTROCYTE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    @TempDir
    Path dir;

    private static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            c.isValid(2);
        } catch (Exception e) {
            String why = "PostgreSQL is not reachable at " + PG + "; start it with 'service postgresql start'";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void governanceStoreJdbcUsesTheAppsDataSource() throws Exception {
        requirePostgres();
        String schema = "s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(PG);
        ds.setUsername("postgres");
        try {
            StarterContexts.withHashingEmbedder(dir).withBean(DataSource.class, () -> ds)
                    .withPropertyValues("astrocyte.governance-store=jdbc",
                            "astrocyte.governance-store-config.schema=" + schema).run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        ctx.getBean(Astrocyte.class).retain(RetainRequest.of("desk-notes", "Desk 4B is by the window"),
                                ALICE);
                        try (Connection c = ctx.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
                                ResultSet rs = s.executeQuery("SELECT principal FROM " + schema + ".astrocyte_bank_owner"
                                        + " WHERE bank_id = 'desk-notes'")) {
                            assertThat(rs.next()).as("the owner claim went to the app's database").isTrue();
                            assertThat(rs.getString(1)).isEqualTo("user:alice");
                        }
                    });
        } finally {
            try (Connection c = DriverManager.getConnection(PG, "postgres", null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            ds.close();
        }
    }

    @Test
    void theAppsOwnGovernanceStoreAndListenersAreUsed() {
        InMemoryGovernanceStore own = new InMemoryGovernanceStore();
        List<MemoryEvent> events = new CopyOnWriteArrayList<>();
        StarterContexts.withHashingEmbedder(dir).withBean(GovernanceStore.class, () -> own)
                .withBean(MemoryEventListener.class, () -> events::add).run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    ctx.getBean(Astrocyte.class).retain(RetainRequest.of("desk-notes", "Desk 4B is by the window"), ALICE);
                });
        assertThat(own.owner("desk-notes")).as("the first writer's claim, in the app's store").contains("user:alice");
        assertThat(events).extracting(MemoryEvent::type).contains("on_retain");
    }
}
