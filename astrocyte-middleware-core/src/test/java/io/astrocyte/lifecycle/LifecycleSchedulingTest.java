package io.astrocyte.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.MutableTestClock;
import io.astrocyte.api.LifecycleResult;
import io.astrocyte.api.MemoryEvent;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.audit.AuditRecorder;
import io.astrocyte.config.AccessControlConfig;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.config.EscalationConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.GrantAccessController;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.policy.escalation.StoreBreaker;
import io.astrocyte.policy.escalation.StoreCalls;
import io.astrocyte.spi.ListCursor;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.contract.ContractItems;
import io.astrocyte.store.memory.ForwardingVectorStore;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scheduled rounds, one pass per bank at a time, and passes on several instances over one store. */
class LifecycleSchedulingTest {

    private static final AstrocyteContext OPS = AstrocyteContext.of("user:ops");
    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ContractItems items = new ContractItems();

    private static AstrocyteConfig config(boolean enabled) {
        return ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                "lifecycle", Map.of("enabled", enabled, "ttl", Map.of("archive_after_days", 30, "delete_after_days", 60)),
                "banks", Map.of("kept", Map.of("lifecycle", Map.of("enabled", false))),
                "access_grants", List.of(Map.of("bank_id", "*", "principal", OPS.principal(),
                        "permissions", List.of("read", "write", "admin")))));
    }

    private Astrocyte brain(InMemoryVectorStore store, InMemoryGovernanceStore governance, List<MemoryEvent> events) {
        return Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64)).governanceStore(governance)
                .clock(clock).config(config(true)).listener(events::add).build();
    }

    /** {@code n} memories retained at the clock's start, straight into the store. */
    private void seed(InMemoryVectorStore store, String bank, int n) {
        List<VectorItem> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            VectorItem item = items.item(bank + "-" + i, bank, "memory " + i + " of " + bank);
            batch.add(new VectorItem(item.id(), bank, item.vector(), item.text(), null, null, null, null, "fact",
                    clock.instant(), item.chunkId(), null, null));
        }
        store.storeVectors(batch);
    }

    @Test
    void aRoundVisitsEveryBankWithLifecycleOnAndFiresTtlExpiry() throws Exception {
        InMemoryVectorStore store = new InMemoryVectorStore();
        List<MemoryEvent> events = new CopyOnWriteArrayList<>();
        try (Astrocyte brain = brain(store, new InMemoryGovernanceStore(), events)) {
            for (String bank : List.of("alpha", "beta", "kept")) {
                brain.retain(RetainRequest.of(bank, "the first note of " + bank), OPS);
            }
            clock.advance(Duration.ofDays(45));
            assertThat(brain.runLifecycleRound()).as("alpha and beta; kept has lifecycle off").isEqualTo(2);
            assertThat(store.count("alpha", VectorFilters.none())).isZero();
            assertThat(store.count("kept", VectorFilters.none())).isEqualTo(1);
            clock.advance(Duration.ofDays(30));
            brain.runLifecycleRound();
            assertThat(store.count("beta", VectorFilters.none().withIncludeArchived(true))).as("purged at 75 days")
                    .isZero();
        }
        List<String> expiries = events.stream().filter(e -> e.type().equals("on_ttl_expiry"))
                .map(e -> e.bankId() + ":" + e.data().get("archived_count") + "/" + e.data().get("deleted_count"))
                .toList();
        assertThat(expiries).containsExactlyInAnyOrder("alpha:1/0", "beta:1/0", "alpha:0/1", "beta:0/1");
        assertThat(events).filteredOn(e -> e.type().equals("on_ttl_expiry")).allSatisfy(
                e -> assertThat(e.data()).containsEntry("actor", LifecycleRunner.SYSTEM_ACTOR));
    }

    @Test
    void passesOnTwoInstancesOverOneStoreChangeEachMemoryOnce() throws Exception {
        InMemoryVectorStore store = new InMemoryVectorStore();
        InMemoryGovernanceStore governance = new InMemoryGovernanceStore();
        seed(store, "shared", 3000);
        clock.advance(Duration.ofDays(40));
        try (Astrocyte one = brain(store, governance, new ArrayList<>());
                Astrocyte two = brain(store, governance, new ArrayList<>())) {
            CompletableFuture<LifecycleResult> a = CompletableFuture.supplyAsync(() -> one.runLifecycle("shared", OPS));
            CompletableFuture<LifecycleResult> b = CompletableFuture.supplyAsync(() -> two.runLifecycle("shared", OPS));
            int archived = a.get(60, TimeUnit.SECONDS).archivedCount() + b.get(60, TimeUnit.SECONDS).archivedCount();
            assertThat(archived).as("each memory archived once, counted once").isEqualTo(3000);

            clock.advance(Duration.ofDays(30));
            a = CompletableFuture.supplyAsync(() -> one.runLifecycle("shared", OPS));
            b = CompletableFuture.supplyAsync(() -> two.runLifecycle("shared", OPS));
            int deleted = a.get(60, TimeUnit.SECONDS).deletedCount() + b.get(60, TimeUnit.SECONDS).deletedCount();
            assertThat(deleted).isEqualTo(3000);
            assertThat(store.count("shared", VectorFilters.none().withIncludeForgotten(true))).isZero();
        }
    }

    @Test
    void theSchedulerSkipsABankWhosePassIsStillRunning() throws Exception {
        InMemoryVectorStore base = new InMemoryVectorStore();
        seed(base, "slow", 10);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ForwardingVectorStore slow = new ForwardingVectorStore(base) {
            @Override
            public List<VectorItem> listItems(String bankId, ListCursor after, int limit, VectorFilters filters) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS); // a listing that stalls until the test lets it go
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return base.listItems(bankId, after, limit, filters);
            }
        };
        AstrocyteConfig config = config(true);
        LifecycleRunner runner = new LifecycleRunner(slow, new StoreCalls("slow", new StoreBreaker("slow",
                EscalationConfig.DEFAULT.circuitBreaker(), clock)), config,
                new LegalHolds(null, null, null, clock, new AuditRecorder(null, clock)),
                new GrantAccessController(AccessControlConfig.DEFAULT, config.grants(), new InMemoryGovernanceStore()),
                new HookDispatcher(List.of(), clock), new AuditRecorder(null, clock), clock, null);
        LifecycleScheduler scheduler = new LifecycleScheduler(runner, () -> List.of("slow"));
        clock.advance(Duration.ofDays(40));
        CompletableFuture<LifecycleResult> manual = CompletableFuture.supplyAsync(() -> runner.run("slow", OPS));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.runRound()).as("the bank is busy: skipped, not run twice").isZero();
        release.countDown();
        assertThat(manual.get(30, TimeUnit.SECONDS).archivedCount()).isEqualTo(10);
        assertThat(scheduler.runRound()).isEqualTo(1);
    }

    @Test
    void startedRoundsRunOnTheirOwn() throws Exception {
        InMemoryVectorStore store = new InMemoryVectorStore();
        seed(store, "auto", 5);
        clock.advance(Duration.ofDays(40));
        AstrocyteConfig config = config(true);
        LifecycleRunner runner = new LifecycleRunner(store, new StoreCalls("mem", new StoreBreaker("mem",
                EscalationConfig.DEFAULT.circuitBreaker(), clock)), config,
                new LegalHolds(null, null, null, clock, new AuditRecorder(null, clock)),
                new GrantAccessController(AccessControlConfig.DEFAULT, config.grants(), new InMemoryGovernanceStore()),
                new HookDispatcher(List.of(), clock), new AuditRecorder(null, clock), clock, null);
        try (LifecycleScheduler scheduler = new LifecycleScheduler(runner, () -> List.of("auto"))) {
            scheduler.start(Duration.ofMillis(20));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.count("auto", VectorFilters.none()) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(store.count("auto", VectorFilters.none())).isZero();
        assertThat(store.count("auto", VectorFilters.none().withIncludeArchived(true))).isEqualTo(5);
    }
}
