package io.astrocyte.qdrant;

import static io.qdrant.client.ConditionFactory.filter;
import static io.qdrant.client.ConditionFactory.isEmpty;
import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.range;
import static io.qdrant.client.ValueFactory.value;

import io.astrocyte.ProviderUnavailableException;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.SetPayloadPoints;
import io.qdrant.client.grpc.Points.WriteOrdering;
import java.time.Instant;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * Forgets (or archives) the points a filter selects and counts exactly the ones this call changed, even while other
 * callers forget overlapping memories. Qdrant's updates report no counts, and a count taken before the write
 * is wrong as soon as another writer gets in between (both would report the same memories). So each call
 * stamps the points it changes with its own operation id in the same conditional write that changes them,
 * then counts its stamp. Qdrant applies a shard's updates one at a time, in one order on every replica under
 * write ordering {@code medium} or {@code strong}, so a point's condition is checked and stamped as one step.
 *
 * <p>Soft delete: {@code forgotten_at} and {@code forget_op} are set together on points still live; the count
 * of this call's {@code forget_op} is the answer. Physical delete: points not already claimed by another erasure
 * are claimed ({@code erase_op}, {@code erase_claimed_at}), counted, and deleted by claim. A claim older than
 * {@link #staleAfterMillis} belongs to a call that died mid-way and is taken over. If matching points claimed by
 * another call are still there after waiting up to one call timeout for it, the erasure fails rather than
 * report success while they remain.
 */
final class ExactForget {

    private final QdrantClient client;
    private final GrpcCalls calls;
    private final String collection;
    private final WriteOrdering ordering;
    private final ToLongFunction<Filter> count;
    private final long timeoutMillis;
    private final long staleAfterMillis;

    ExactForget(QdrantClient client, GrpcCalls calls, QdrantOptions options, WriteOrdering ordering,
            ToLongFunction<Filter> count) {
        this.client = client;
        this.calls = calls;
        this.collection = options.collection();
        this.ordering = ordering;
        this.count = count;
        this.timeoutMillis = options.timeout().toMillis();
        // Between its claim and its delete a call makes two requests, each retried at most maxRetries times
        // within its deadline: a claim older than twice that (with room for backoff) is an orphan.
        this.staleAfterMillis = 4L * (options.maxRetries() + 1) * timeoutMillis;
    }

    long staleAfterMillis() {
        return staleAfterMillis;
    }

    /** Sets {@code forgotten_at} on the live points of {@code filter} in {@code bankId}; returns how many this call changed. */
    int softDelete(String bankId, Filter filter, Instant forgottenAt) {
        Filter live = filter.toBuilder().addMust(isEmpty(Payload.FORGOTTEN_AT)).build();
        return stampAndCount("soft delete", bankId, live, Payload.FORGOTTEN_AT, forgottenAt, Payload.FORGET_OP);
    }

    /**
     * Sets {@code archived_at} on the live, unarchived points of {@code filter}; returns how many this call
     * changed, so that lifecycle passes running at once on two instances never both count a memory.
     */
    int archive(String bankId, Filter filter, Instant archivedAt) {
        Filter unarchived = filter.toBuilder().addMust(isEmpty(Payload.FORGOTTEN_AT))
                .addMust(isEmpty(Payload.ARCHIVED_AT)).build();
        return stampAndCount("archive", bankId, unarchived, Payload.ARCHIVED_AT, archivedAt, Payload.ARCHIVE_OP);
    }

    private int stampAndCount(String what, String bankId, Filter condition, String timeField, Instant at,
            String opField) {
        String op = UUID.randomUUID().toString();
        SetPayloadPoints set = SetPayloadPoints.newBuilder().setCollectionName(collection).setWait(true)
                .setOrdering(ordering).putPayload(timeField, value(at.toEpochMilli()))
                .putPayload(opField, value(op))
                .setPointsSelector(PointsSelector.newBuilder().setFilter(condition)).build();
        calls.call(what, () -> client.setPayloadAsync(set, null));
        return (int) count.applyAsLong(stamped(bankId, opField, op));
    }

    /** Deletes the points of {@code filter} in {@code bankId}; returns how many this call removed. */
    int delete(String bankId, Filter filter) {
        String op = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int removed = 0;
        while (true) {
            removed += claimCountAndDelete(bankId, filter, op);
            long foreign = count.applyAsLong(filter.toBuilder().addMustNot(isEmpty(Payload.ERASE_OP)).build());
            if (foreign == 0) {
                return removed;
            }
            if (System.currentTimeMillis() >= deadline) {
                throw new ProviderUnavailableException("qdrant: " + foreign + " of the memories to erase in bank '"
                        + bankId + "' are claimed by another erasure that has not finished, or that failed less than "
                        + staleAfterMillis / 1000 + " s ago; " + removed + " others were erased. Retry after "
                        + staleAfterMillis / 1000 + " s to erase the rest.");
            }
            sleep(Math.min(100, timeoutMillis / 10 + 1));
        }
    }

    private int claimCountAndDelete(String bankId, Filter filter, String op) {
        long now = System.currentTimeMillis();
        Filter claimable = filter.toBuilder().addMust(filter(Filter.newBuilder()
                .addShould(isEmpty(Payload.ERASE_OP))
                .addShould(range(Payload.ERASE_CLAIMED_AT, Range.newBuilder().setLt(now - staleAfterMillis).build()))
                .build())).build();
        SetPayloadPoints claim = SetPayloadPoints.newBuilder().setCollectionName(collection).setWait(true)
                .setOrdering(ordering).putPayload(Payload.ERASE_OP, value(op))
                .putPayload(Payload.ERASE_CLAIMED_AT, value(now))
                .setPointsSelector(PointsSelector.newBuilder().setFilter(claimable)).build();
        calls.call("erase claim", () -> client.setPayloadAsync(claim, null));
        Filter mine = stamped(bankId, Payload.ERASE_OP, op);
        long claimed = count.applyAsLong(mine);
        if (claimed > 0) {
            DeletePoints delete = DeletePoints.newBuilder().setCollectionName(collection).setWait(true)
                    .setOrdering(ordering).setPoints(PointsSelector.newBuilder().setFilter(mine)).build();
            calls.call("delete", () -> client.deleteAsync(delete));
        }
        return (int) claimed;
    }

    private static Filter stamped(String bankId, String field, String op) {
        return Filter.newBuilder().addMust(matchKeyword(Payload.BANK, bankId)).addMust(matchKeyword(field, op)).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("qdrant: erasure interrupted while waiting for another erasure");
        }
    }
}
