package io.astrocyte.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.MutableTestClock;
import io.astrocyte.ProviderUnavailableException;
import io.astrocyte.spi.RecallStats;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.contract.ContractItems;
import io.astrocyte.store.memory.ForwardingVectorStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RecallTrackerTest {

    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final ContractItems items = new ContractItems();

    @Test
    void recallsAddUpInMemoryAndReachTheStoreInOneCallPerBankPerFlush() {
        InMemoryVectorStore base = new InMemoryVectorStore();
        base.storeVectors(List.of(items.item("a", "b", "alpha"), items.item("z", "b", "zeta"),
                items.item("a", "c", "alpha elsewhere")));
        List<String> calls = new CopyOnWriteArrayList<>();
        io.astrocyte.spi.VectorStore counting = new ForwardingVectorStore(base) {
            @Override
            public void recordRecalls(String bankId, Map<String, RecallStats> increments) {
                calls.add(bankId + increments.keySet().stream().sorted().toList());
                super.recordRecalls(bankId, increments);
            }
        };
        RecallTracker tracker = new RecallTracker(counting, clock, null);
        tracker.recalled("b", List.of("a", "z"));
        clock.advance(60);
        tracker.recalled("b", List.of("a"));
        tracker.recalled("c", List.of("a"));
        assertThat(calls).as("nothing is written on the recall path").isEmpty();
        assertThat(tracker.pendingCount()).isEqualTo(3);

        tracker.flush();
        assertThat(calls).containsExactlyInAnyOrder("b[a, z]", "c[a]");
        assertThat(tracker.pendingCount()).isZero();
        Map<String, RecallStats> stats = new java.util.HashMap<>();
        base.listItems("b", null, 10, VectorFilters.none()).forEach(i -> stats.put(i.id(), i.recalls()));
        assertThat(stats.get("a")).isEqualTo(new RecallStats(2, Instant.parse("2026-03-01T00:01:00Z")));
        assertThat(stats.get("z")).isEqualTo(new RecallStats(1, Instant.parse("2026-03-01T00:00:00Z")));
        tracker.flush();
        assertThat(calls).as("an empty flush writes nothing").hasSize(2);
    }

    @Test
    void aFailedWriteKeepsItsIncrementsForTheNextFlush() {
        InMemoryVectorStore base = new InMemoryVectorStore();
        base.storeVectors(List.of(items.item("a", "b", "alpha")));
        AtomicBoolean down = new AtomicBoolean(true);
        io.astrocyte.spi.VectorStore flaky = new ForwardingVectorStore(base) {
            @Override
            public void recordRecalls(String bankId, Map<String, RecallStats> increments) {
                if (down.get()) {
                    throw new ProviderUnavailableException("store down (test double)");
                }
                super.recordRecalls(bankId, increments);
            }
        };
        RecallTracker tracker = new RecallTracker(flaky, clock, null);
        tracker.recalled("b", List.of("a"));
        assertThatThrownBy(tracker::flush).isInstanceOf(ProviderUnavailableException.class);
        tracker.recalled("b", List.of("a"));
        down.set(false);
        tracker.flush();
        assertThat(base.listItems("b", null, 10, VectorFilters.none()).get(0).recalls().count()).isEqualTo(2);
    }

    @Test
    void concurrentRecallsLoseNoIncrementAcrossFlushes() throws Exception {
        InMemoryVectorStore base = new InMemoryVectorStore();
        base.storeVectors(List.of(items.item("a", "b", "alpha")));
        RecallTracker tracker = new RecallTracker(base, clock, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 5_000; i++) {
                    tracker.recalled("b", List.of("a"));
                }
            });
        }
        for (int i = 0; i < 50; i++) {
            tracker.flush();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        tracker.close();
        assertThat(base.listItems("b", null, 10, VectorFilters.none()).get(0).recalls().count()).isEqualTo(20_000);
    }

    @Test
    void aStalledStoreCannotGrowThePendingMapWithoutBound() {
        RecallTracker tracker = new RecallTracker(new InMemoryVectorStore(), clock, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3 * RecallTracker.MAX_PENDING; i++) {
            ids.add("m" + i);
            if (ids.size() == 1000) {
                tracker.recalled("b", ids);
                ids = new ArrayList<>();
            }
        }
        assertThat(tracker.pendingCount()).isLessThanOrEqualTo(2 * RecallTracker.MAX_PENDING + 1000);
    }
}
