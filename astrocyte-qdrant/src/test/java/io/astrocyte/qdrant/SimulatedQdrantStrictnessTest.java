package io.astrocyte.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.grpc.Status;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Points;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulation (a test double) refuses what Qdrant 1.18 refuses, so that the store's mistakes show up
 * here; and the store copes with a collection another instance left half set up.
 */
class SimulatedQdrantStrictnessTest {

    private SimulatedQdrantServer server;
    private QdrantClient client;

    @BeforeEach
    void start() throws Exception {
        server = new SimulatedQdrantServer();
        client = server.client();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Status.Code code(ExecutionException e) {
        return Status.fromThrowable(e.getCause()).getCode();
    }

    @Test
    void refusesWhatQdrantRefuses() throws Exception {
        assertThatThrownBy(() -> client.countAsync("nowhere", null, true).get())
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(code(e)).isEqualTo(Status.Code.NOT_FOUND));
        client.createCollectionAsync(CollectionSetup.createRequest(new QdrantOptions("h", 1, false, null, "c", 3,
                "m", true, null, null, null, java.time.Duration.ofSeconds(1), 0, java.time.Duration.ZERO, 64, 10, "medium", null, null, false))).get();
        Points.ScrollPoints ordered = Points.ScrollPoints.newBuilder().setCollectionName("c").setLimit(5)
                .setOrderBy(Points.OrderBy.newBuilder().setKey(Payload.RETAINED_AT)).build();
        assertThatThrownBy(() -> client.scrollAsync(ordered).get()).as("order_by needs a range index")
                .isInstanceOfSatisfying(ExecutionException.class, e -> {
                    assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getCause()).hasMessageContaining("No range index for `order_by` key");
                });
        assertThatThrownBy(() -> client.scrollAsync(Points.ScrollPoints.newBuilder().setCollectionName("c")
                .setLimit(0).build()).get()).isInstanceOfSatisfying(ExecutionException.class,
                        e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT));
        Points.QueryPoints wrongSize = Points.QueryPoints.newBuilder().setCollectionName("c").setUsing(Payload.DENSE)
                .setLimit(1).setQuery(io.qdrant.client.QueryFactory.nearest(new float[] {1, 0})).build();
        assertThatThrownBy(() -> client.queryAsync(wrongSize).get()).isInstanceOfSatisfying(ExecutionException.class,
                e -> assertThat(code(e)).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void aCollectionLeftWithoutIndexesIsRepairedAndAnIdListTouchesOnlyItsIds() throws Exception {
        // Another instance created the collection and died before its payload indexes.
        client.createCollectionAsync(CollectionSetup.createRequest(new QdrantOptions("h", 1, false, null, "half", 3,
                "m", true, null, null, null, java.time.Duration.ofSeconds(1), 0, java.time.Duration.ZERO, 64, 10, "medium", null, null, false))).get();
        try (QdrantVectorStore store = QdrantVectorStore.builder().client(client).collection("half").dimension(3)
                .embeddingModel("m").build()) {
            Instant t = Instant.parse("2026-05-01T00:00:00Z");
            store.storeVectors(List.of(
                    new VectorItem("a", "b", new float[] {1, 0, 0}, "first", Map.of(), List.of(), null, null, "fact", t,
                            "a#0", "test", null),
                    new VectorItem("c", "b", new float[] {0, 1, 0}, "second", Map.of(), List.of(), null, null, "fact",
                            t.plusSeconds(1), "c#0", "test", null)));
            assertThat(store.listVectors("b", null, 10, VectorFilters.none())).extracting(VectorItem::id)
                    .containsExactly("a", "c");
            assertThat(store.delete(List.of("a"), "b")).isEqualTo(1);
            assertThat(store.listVectors("b", null, 10, VectorFilters.none())).extracting(VectorItem::id)
                    .containsExactly("c");
        }
        // A delete by id list selects those ids only (not every point, as the old simulation did).
        client.deleteAsync("half", List.of(PointIdFactory.id(UUID.randomUUID()))).get();
        assertThat(client.countAsync("half", null, true).get()).isEqualTo(1);
    }

    @Test
    void badRequestsFromTheStoreAreCallerErrors() {
        try (QdrantVectorStore store = QdrantVectorStore.builder().client(client).collection("x").dimension(3)
                .embeddingModel("m").build()) {
            assertThatThrownBy(() -> store.searchSimilar(new float[] {1, 0}, "b", 3, VectorFilters.none()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Vector dimension error");
        }
    }
}
