package io.astrocyte.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.testing.ChildJvm;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Three JVMs (one instance each, each with its own in-memory vector store) share one governance database and one
 * Redis, and race: every one of 100 fresh banks gets exactly one owner that all three agree on; a bank's daily quota
 * of 500 lets exactly 500 retains through in total; a 60-per-minute limit lets exactly 60 recalls through.
 */
class ReplicasTest {

    private static final String PG = System.getenv().getOrDefault("ASTROCYTE_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @Test
    void threeReplicasAgreeOnOwnersQuotasAndRateLimits() throws Exception {
        RedisTestServer.require();
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            c.isValid(2);
        } catch (Exception e) {
            String why = "PostgreSQL is not reachable at " + PG + "; start it with 'service postgresql start'";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why, e);
            }
            Assumptions.abort(why);
        }
        String schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String prefix = RedisTestServer.freshPrefix();
        long start = System.currentTimeMillis() + 8_000; // all three start their race at once, after JVM start-up
        List<ChildJvm> replicas = new ArrayList<>();
        try {
            // the first replica creates the schema; the others start once it exists, so migrations never race
            for (String name : List.of("r1", "r2", "r3")) {
                replicas.add(ChildJvm.main(ReplicaLoad.class).jvmOptions("-Xmx256m").args(name,
                        Long.toString(start), PG, schema, RedisTestServer.URL, prefix).start());
                if (name.equals("r1")) {
                    Thread.sleep(2_500);
                }
            }
            Map<String, Set<String>> owners = new HashMap<>();
            int quota = 0;
            int rate = 0;
            long firstRecall = Long.MAX_VALUE;
            long lastRecall = 0;
            for (ChildJvm r : replicas) {
                assertThat(r.awaitExit(Duration.ofMinutes(3))).as(r.output()).isZero();
                for (String line : r.output().split("\n")) {
                    String[] f = line.trim().split(" ");
                    switch (f[0]) {
                        case "OWNER" -> owners.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[2]);
                        case "QUOTA" -> quota += Integer.parseInt(f[1]);
                        case "RATE" -> rate += Integer.parseInt(f[1]);
                        case "RATESPAN" -> {
                            firstRecall = Math.min(firstRecall, Long.parseLong(f[1]));
                            lastRecall = Math.max(lastRecall, Long.parseLong(f[2]));
                        }
                        default -> { }
                    }
                }
            }
            assertThat(owners).hasSize(100);
            owners.forEach((bank, seen) -> {
                assertThat(seen).as(bank + ": one owner, the same for all three").hasSize(1);
                assertThat(seen.iterator().next()).isIn("user:r1", "user:r2", "user:r3");
            });
            assertThat(quota).as("retain_per_day 500 across three replicas").isEqualTo(500);
            // the bucket refills one token a second, so a slow (loaded) machine earns a token per second the three
            // replicas' recalls span; three separate limits would pass 180
            long refilled = Math.max(0, (lastRecall - firstRecall) / 1000);
            assertThat(rate).as("recall_per_minute 60 across three replicas, over " + (lastRecall - firstRecall)
                    + " ms").isBetween(60, 60 + (int) refilled);
        } finally {
            for (ChildJvm r : replicas) {
                r.close();
            }
            try (Connection c = DriverManager.getConnection(PG, "postgres", null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
