package io.astrocyte.qdrant;

import io.astrocyte.ConfigException;
import io.qdrant.client.grpc.Points.ReadConsistency;
import io.qdrant.client.grpc.Points.ReadConsistencyType;
import io.qdrant.client.grpc.Points.WriteOrdering;
import io.qdrant.client.grpc.Points.WriteOrderingType;
import java.util.Locale;

/**
 * How writes are ordered and reads answered on a replicated collection ({@code write_ordering},
 * {@code read_consistency}). With replication, Qdrant's defaults let a read miss a write another replica has
 * acknowledged, and let concurrent updates of one point (a retain and a soft delete) land in different
 * orders on different replicas; Astrocyte's dedup check, history and forget need better than that.
 *
 * <ul>
 *   <li>{@code write_ordering}: {@code weak} (Qdrant's default, no ordering), {@code medium} (default
 *       here: through a dynamically elected leader, a small cost), {@code strong} (through the permanent
 *       shard leader; writes fail while it is down).</li>
 *   <li>{@code read_consistency}: {@code all}, {@code majority} (default here when the collection has more
 *       than one replica), {@code quorum}, or {@code one} (Qdrant's default: a single replica, fastest).
 *       Asking more replicas costs latency on every read.</li>
 * </ul>
 * On a single node both settings are free and change nothing.
 */
final class Consistency {

    private Consistency() {
    }

    static WriteOrdering writeOrdering(String name) {
        WriteOrderingType type = switch (name == null ? "medium" : name.strip().toLowerCase(Locale.ROOT)) {
            case "weak" -> WriteOrderingType.Weak;
            case "medium" -> WriteOrderingType.Medium;
            case "strong" -> WriteOrderingType.Strong;
            default -> throw new ConfigException("vector_store_config.write_ordering: '" + name
                    + "' is not one of weak, medium, strong");
        };
        return WriteOrdering.newBuilder().setType(type).build();
    }

    /** {@code null} for Qdrant's default (one replica). */
    static ReadConsistency readConsistency(String name) {
        ReadConsistencyType type = switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> ReadConsistencyType.All;
            case "majority" -> ReadConsistencyType.Majority;
            case "quorum" -> ReadConsistencyType.Quorum;
            case "one" -> null;
            default -> throw new ConfigException("vector_store_config.read_consistency: '" + name
                    + "' is not one of all, majority, quorum, one");
        };
        return type == null ? null : ReadConsistency.newBuilder().setType(type).build();
    }
}
