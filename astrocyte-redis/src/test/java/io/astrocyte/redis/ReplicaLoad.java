package io.astrocyte.redis;

import io.astrocyte.Astrocyte;
import io.astrocyte.RateLimitedException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.jdbc.JdbcGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import java.util.Map;

/**
 * One replica for {@code ReplicasTest}, run in its own JVM: an instance with its own in-memory vector store and
 * the shared governance database and Redis, racing the other replicas. It prints what it saw:
 * {@code OWNER <bank> <principal>}, {@code QUOTA <stored>}, {@code RATE <passed>}, {@code RATESPAN <start> <end>} (epoch ms of its recalls), then {@code DONE}.
 * Arguments: replica name, start time (epoch ms), JDBC URL, schema, Redis URL, key prefix.
 */
public final class ReplicaLoad {

    private ReplicaLoad() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        long start = Long.parseLong(args[1]);
        String jdbc = args[2];
        String schema = args[3];
        String redis = args[4];
        String prefix = args[5];
        AstrocyteContext me = AstrocyteContext.of("user:" + name);
        try (Astrocyte brain = Astrocyte.builder().vectorStore(new InMemoryVectorStore())
                .embedder(new HashingEmbedder(64)).config(ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                        "governance_store", "jdbc",
                        "governance_store_config", Map.of("url", jdbc, "username", "postgres", "schema", schema,
                                "pool_size", 4),
                        "rate_limit_store", "redis",
                        "rate_limit_store_config", Map.of("url", redis, "key_prefix", prefix, "timeout_ms", 2000),
                        "signal_quality", Map.of("dedup", Map.of("enabled", false)),
                        "banks", Map.of("shared-quota", Map.of("homeostasis", Map.of("quotas", Map.of(
                                "retain_per_day", 500))),
                                "shared-rate", Map.of("homeostasis", Map.of("rate_limits", Map.of(
                                        "recall_per_minute", 60)))),
                        "access_grants", List.of(Map.of("bank_id", "shared-*", "principal", "user:*",
                                "permissions", List.of("read", "write"))))))
                .build();
                JdbcGovernanceStore reader = JdbcGovernanceStore.open(jdbc, "postgres", null, schema, "astrocyte_", 2)) {
            while (System.currentTimeMillis() < start) {
                Thread.sleep(1);
            }
            for (int i = 0; i < 100; i++) {
                try {
                    brain.retain(RetainRequest.of("claim-" + i, name + " was here first"), me);
                } catch (io.astrocyte.AccessDeniedException e) {
                    // another replica claimed it first: only its owner may write
                }
            }
            for (int i = 0; i < 100; i++) {
                System.out.println("OWNER claim-" + i + " " + reader.owner("claim-" + i).orElse("none"));
            }
            int stored = 0;
            for (int i = 0; i < 400; i++) {
                try {
                    stored += brain.retain(RetainRequest.of("shared-quota", name + " note " + i), me).stored() ? 1 : 0;
                } catch (RateLimitedException e) {
                    // over the day's quota
                }
            }
            System.out.println("QUOTA " + stored);
            int passed = 0;
            long rateStart = System.currentTimeMillis();
            for (int i = 0; i < 100; i++) {
                try {
                    brain.recall(RecallRequest.of("shared-rate", "anything"), me);
                    passed++;
                } catch (RateLimitedException e) {
                    // over the minute's limit
                }
            }
            System.out.println("RATE " + passed);
            System.out.println("RATESPAN " + rateStart + " " + System.currentTimeMillis());
        }
        System.out.println("DONE");
    }
}
