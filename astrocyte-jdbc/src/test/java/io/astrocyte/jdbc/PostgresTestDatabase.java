package io.astrocyte.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the project's machines run (127.0.0.1:5432, trust auth, database {@code test}), each test in a
 * schema of its own so runs never see each other's state. Set {@code ASTROCYTE_TEST_POSTGRES_URL} to use another.
 * Where none answers, tests are skipped with the reason and how to start one; under {@code CI=true} they fail
 * instead, because CI machines run the service.
 */
final class PostgresTestDatabase {

    static final String URL = System.getenv().getOrDefault("ASTROCYTE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("ASTROCYTE_TEST_POSTGRES_USER", "postgres");

    private PostgresTestDatabase() {
    }

    /** Skips the calling test (or fails it on CI) when PostgreSQL does not answer. */
    static void require() {
        try (Connection c = DriverManager.getConnection(URL, USER, null)) {
            c.isValid(2);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "); start it with"
                    + " 'service postgresql start' (see the env machine page) or set ASTROCYTE_TEST_POSTGRES_URL";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            Assumptions.abort(why);
        }
    }

    /** A fresh, empty schema name, e.g. {@code t_3f2a…}. */
    static String freshSchema() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // a leftover schema of a finished test is harmless
        }
    }
}
