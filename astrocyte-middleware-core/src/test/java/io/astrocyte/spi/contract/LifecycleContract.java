package io.astrocyte.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.MutableTestClock;
import io.astrocyte.api.HistoryRequest;
import io.astrocyte.api.LifecycleResult;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.ConfigLoader;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spi.VectorFilters;
import io.astrocyte.spi.VectorItem;
import io.astrocyte.spi.VectorStore;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle (SPEC §6.4) through the facade over a given store: a mutable clock drives TTL across simulated
 * years, and every store must archive and purge the same memories at the same moments, keep recall statistics
 * that postpone archiving, and leave archived memories in history. Extend it with the store under test.
 */
public abstract class LifecycleContract {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");
    private static final AstrocyteContext ADMIN = AstrocyteContext.of("user:ops");
    private static final String BANK = "user-alice";

    @TempDir
    protected Path dataDir;

    private VectorStore store;
    private Astrocyte brain;
    private final MutableTestClock clock = new MutableTestClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** A fresh, empty store for 64-dimensional vectors keeping its files (if any) under {@code dir}. */
    protected abstract VectorStore createStore(Path dir) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = createStore(dataDir);
        Map<String, Object> ttl = new HashMap<>(Map.of("archive_after_days", 90, "delete_after_days", 365,
                "exempt_tags", List.of("pinned")));
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("opinion", null); // kept forever
        overrides.put("experience", 30);
        ttl.put("fact_type_overrides", overrides);
        brain = Astrocyte.builder().vectorStore(store).embedder(new HashingEmbedder(64))
                .governanceStore(new InMemoryGovernanceStore()).clock(clock)
                .config(ConfigLoader.withSystemEnvironment().fromMap(Map.of(
                        "lifecycle", Map.of("enabled", true, "ttl", ttl),
                        "access_grants", List.of(Map.of("bank_id", BANK, "principal", ADMIN.principal(),
                                "permissions", List.of("read", "admin"))))))
                .build();
    }

    @AfterEach
    void close() {
        brain.close();
        store.close();
    }

    private String retain(String text, String factType, String... tags) {
        return brain.retain(RetainRequest.builder(BANK, text).factType(factType).tags(tags).build(), ALICE)
                .memoryId();
    }

    private List<String> recalled(String query, boolean archived, int max) {
        return brain.recall(RecallRequest.builder(query).bankId(BANK).maxResults(max).includeArchived(archived).build(),
                ALICE).hits().stream().map(MemoryHit::memoryId).toList();
    }

    private LifecycleResult runAt(int day) {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(day))));
        return brain.runLifecycle(BANK, ADMIN);
    }

    private Map<String, String> actions(LifecycleResult r) {
        Map<String, String> out = new HashMap<>();
        r.actions().forEach(a -> out.put(a.memoryId(), a.action() + ":" + a.reason()));
        return out;
    }

    @Test
    void ttlArchivesUnusedMemoriesAndPurgesExpiredOnesAcrossSimulatedYears() {
        String tea = retain("Alice drinks jasmine tea every morning", null);
        String lease = retain("Alice signed the flat lease on Baker Street", null);
        String pinned = retain("Alice's emergency contact is her brother Tom", null, "pinned");
        String opinion = retain("Alice thinks remote work suits her best", "opinion");
        String trip = retain("Alice hiked the Lake District in June", "experience");

        LifecycleResult day10 = runAt(10);
        assertThat(day10.archivedCount() + day10.deletedCount()).isZero();
        assertThat(day10.skippedByReason()).containsEntry("recent", 3).containsEntry("exempt", 2);

        LifecycleResult day31 = runAt(31);
        assertThat(actions(day31)).containsExactly(Map.entry(trip, "delete:ttl_expired"));
        assertThat(day31.deletedCount()).isEqualTo(1);

        runAt(80);
        assertThat(recalled("lease Baker Street flat", false, 1)).containsExactly(lease); // recalled on day 80
        LifecycleResult day100 = runAt(100);
        assertThat(actions(day100)).as("tea went unused for 100 days; the lease was recalled 20 days ago")
                .containsExactly(Map.entry(tea, "archive:ttl_unretrieved"));
        VectorItem leaseItem = store.listItems(BANK, null, 10, VectorFilters.none()).stream()
                .filter(i -> i.id().equals(lease)).findFirst().orElseThrow();
        assertThat(leaseItem.recalls().count()).as("recall statistics reached the store").isEqualTo(1);
        assertThat(leaseItem.recalls().lastRecalledAt()).isEqualTo(Instant.parse("2026-03-22T00:00:00Z"));

        assertThat(recalled("jasmine tea morning", false, 20)).doesNotContain(tea).isNotEmpty();
        assertThat(recalled("jasmine tea morning", true, 20)).contains(tea);
        assertThat(brain.history(HistoryRequest.of(BANK, "jasmine tea morning", clock.instant()), ALICE).hits())
                .extracting(MemoryHit::memoryId).as("archived memories stay in history").contains(tea);
        assertThat(brain.memoryCount(BANK, ALICE)).isEqualTo(4);

        LifecycleResult day200 = runAt(200);
        assertThat(actions(day200)).containsExactly(Map.entry(lease, "archive:ttl_unretrieved"));
        assertThat(day200.skippedByReason()).containsEntry("already_archived", 1).containsEntry("exempt", 2);
        assertThat(runAt(200).archivedCount()).as("a second pass changes nothing").isZero();

        LifecycleResult day366 = runAt(366);
        assertThat(actions(day366)).containsOnly(Map.entry(tea, "delete:ttl_expired"),
                Map.entry(lease, "delete:ttl_expired"));
        assertThat(day366.deletedCount()).isEqualTo(2);
        assertThat(store.listItems(BANK, null, 10, VectorFilters.none().withIncludeForgotten(true)))
                .extracting(VectorItem::id).as("purged, not soft-deleted").containsExactlyInAnyOrder(pinned, opinion);

        LifecycleResult years = runAt(3650);
        assertThat(years.deletedCount() + years.archivedCount()).as("exempt memories outlive everything").isZero();
        assertThat(years.skippedByReason()).containsExactly(Map.entry("exempt", 2));
    }

    @Test
    void aLegalHoldSuspendsTtlUntilReleased() {
        String old = retain("Alice's deposit was 1200 pounds", null);
        brain.setLegalHold(BANK, "case-9", "deposit dispute", ADMIN);
        LifecycleResult held = runAt(400);
        assertThat(held.deletedCount() + held.archivedCount()).isZero();
        assertThat(held.skippedByReason()).containsExactly(Map.entry("legal_hold", 1));
        assertThat(recalled("deposit pounds", false, 5)).contains(old);

        brain.releaseLegalHold(BANK, "case-9", ADMIN);
        assertThat(actions(runAt(400))).containsExactly(Map.entry(old, "delete:ttl_expired"));
    }
}
