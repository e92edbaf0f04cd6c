package io.astrocyte.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.Permission;
import io.astrocyte.spi.GovernanceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GovernanceStore} must do. Extend it, return a store from {@link #open()}; durable
 * stores return the same state from a second {@link #open()} (the reopen tests check that), others
 * override {@link #durable()} to return {@code false}.
 */
public abstract class GovernanceStoreContract {

    /** Opens the store under test; called again to check that state survives a reopen. */
    protected abstract GovernanceStore open();

    /** Whether state written through one {@link #open()} is visible through the next. */
    protected boolean durable() {
        return true;
    }

    /**
     * Whether two stores from {@link #open()} are two instances on one shared backend, each seeing the other's
     * writes at once (a database); stores that belong to one process (a data folder) return {@code false}.
     */
    protected boolean shared() {
        return false;
    }

    @Test
    void theFirstOwnerClaimWinsAndIsReported() {
        GovernanceStore store = open();
        assertThat(store.owner("diary")).isEmpty();
        assertThat(store.claimOwner("diary", "user:alice")).isEqualTo("user:alice");
        assertThat(store.claimOwner("diary", "user:bob")).isEqualTo("user:alice");
        assertThat(store.owner("diary")).contains("user:alice");
    }

    @Test
    void concurrentClaimsAgreeOnOneOwner() throws Exception {
        GovernanceStore store = open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String who = "user:u" + i;
                claims.add(() -> store.claimOwner("contested", who));
            }
            List<String> winners = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(claims)) {
                winners.add(f.get());
            }
            assertThat(winners).containsOnly(store.owner("contested").orElseThrow());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void grantsMergePerPatternPairAndRevokesSubtract() {
        GovernanceStore store = open();
        store.addGrant(AccessGrant.of("shared-*", "team:eng", Permission.READ));
        AccessGrant merged = store.addGrant(AccessGrant.of("shared-*", "team:eng", Permission.WRITE));
        store.addGrant(AccessGrant.of("notes", "user:bob", Permission.READ));
        assertThat(merged.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.WRITE);
        assertThat(store.grants()).hasSize(2);

        assertThat(store.removeGrant(AccessGrant.of("shared-*", "team:eng", Permission.READ)))
                .hasValueSatisfying(g -> assertThat(g.permissions()).containsExactly(Permission.WRITE));
        assertThat(store.removeGrant(AccessGrant.of("notes", "user:bob", Permission.READ))).isEmpty();
        assertThat(store.removeGrant(AccessGrant.of("never", "user:nobody", Permission.READ))).isEmpty();
        assertThat(store.grants()).singleElement()
                .satisfies(g -> assertThat(g.permissions()).isEqualTo(Set.of(Permission.WRITE)));
    }

    @Test
    void quotaUsageIsKeptPerDay() {
        GovernanceStore store = open();
        java.time.LocalDate today = java.time.LocalDate.of(2026, 5, 1);
        assertThat(store.quotaUsage(today)).isEmpty();
        store.saveQuotaUsage(today, java.util.Map.of("retain:diary", 3L, "reflect:diary", 1L));
        assertThat(store.quotaUsage(today)).containsEntry("retain:diary", 3L).hasSize(2);
        assertThat(store.quotaUsage(today.plusDays(1))).isEmpty();
        store.saveQuotaUsage(today.plusDays(1), java.util.Map.of("retain:diary", 1L));
        assertThat(store.quotaUsage(today.plusDays(1))).containsEntry("retain:diary", 1L);
    }

    @Test
    void ownersAndGrantsSurviveAReopen() throws Exception {
        if (!durable()) {
            return;
        }
        try (GovernanceStore store = open()) {
            store.claimOwner("diary", "user:alice");
            store.addGrant(AccessGrant.of("diary", "agent:*", Permission.READ, Permission.FORGET));
            store.saveQuotaUsage(java.time.LocalDate.of(2026, 5, 1), java.util.Map.of("retain:diary", 7L));
            store.setLegalHold(hold("diary", "case-7"));
            store.saveBankCounters(java.util.Map.of("diary", java.util.Map.of("retains", 12L, "recalls", 3L)));
        }
        try (GovernanceStore reopened = open()) {
            assertThat(reopened.owner("diary")).contains("user:alice");
            assertThat(reopened.grants()).containsExactly(
                    AccessGrant.of("diary", "agent:*", Permission.READ, Permission.FORGET));
            assertThat(reopened.quotaUsage(java.time.LocalDate.of(2026, 5, 1))).containsEntry("retain:diary", 7L);
            assertThat(reopened.legalHolds("diary")).containsExactly(hold("diary", "case-7"));
            assertThat(reopened.bankCounters()).containsEntry("diary", java.util.Map.of("retains", 12L, "recalls", 3L));
        }
    }

    private static io.astrocyte.api.LegalHold hold(String bank, String id) {
        return new io.astrocyte.api.LegalHold(bank, id, "litigation " + id, "user:counsel",
                java.time.Instant.parse("2026-05-01T10:00:00Z"));
    }

    @Test
    void legalHoldsAreSetOncePerIdListedPerBankAndReleased() {
        try (GovernanceStore store = open()) {
            assertThat(store.legalHolds("diary")).isEmpty();
            assertThat(store.setLegalHold(hold("diary", "case-1"))).isEqualTo(hold("diary", "case-1"));
            io.astrocyte.api.LegalHold again = new io.astrocyte.api.LegalHold("diary", "case-1", "another reason",
                    "user:someone", java.time.Instant.parse("2026-06-01T00:00:00Z"));
            assertThat(store.setLegalHold(again)).as("the first hold under an id stays").isEqualTo(hold("diary", "case-1"));
            store.setLegalHold(hold("diary", "case-2"));
            store.setLegalHold(hold("ledger", "case-1"));
            assertThat(store.legalHolds("diary")).extracting(io.astrocyte.api.LegalHold::holdId)
                    .containsExactly("case-1", "case-2");
            assertThat(store.releaseLegalHold("diary", "case-1")).contains(hold("diary", "case-1"));
            assertThat(store.releaseLegalHold("diary", "case-1")).isEmpty();
            assertThat(store.legalHolds("diary")).extracting(io.astrocyte.api.LegalHold::holdId).containsExactly("case-2");
            assertThat(store.legalHolds("ledger")).hasSize(1);
        }
    }

    /** Stores that share quotas: two instances on one backend spend a daily limit exactly, never more. */
    @Test
    void sharedQuotasAreSpentExactlyAcrossInstances() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(shared(), "this store belongs to one process");
        GovernanceStore one = open();
        assertThat(one.sharesQuotas()).as("a shared store counts quotas for every instance").isTrue();
        GovernanceStore two = open();
        java.time.LocalDate day = java.time.LocalDate.of(2026, 7, 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                GovernanceStore via = i % 2 == 0 ? one : two;
                tries.add(() -> via.tryConsumeQuota(day, "retain:shared", 500));
            }
            int granted = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(500);
            assertThat(two.tryConsumeQuota(day, "retain:shared", 500)).isFalse();
            one.refundQuota(day, "retain:shared");
            assertThat(two.tryConsumeQuota(day, "retain:shared", 500)).as("a refunded unit can be spent again").isTrue();
            assertThat(one.quotaUsage(day)).containsEntry("retain:shared", 500L);
            assertThat(one.tryConsumeQuota(day.plusDays(1), "retain:shared", 500)).as("a new day").isTrue();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoInstancesAgreeOnEveryOwner() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(shared(), "this store belongs to one process");
        GovernanceStore one = open();
        GovernanceStore two = open();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> claims = new ArrayList<>();
            for (int bank = 0; bank < 50; bank++) {
                for (int who = 0; who < 4; who++) {
                    String b = "bank-" + bank;
                    String p = "user:u" + who;
                    GovernanceStore via = who % 2 == 0 ? one : two;
                    claims.add(() -> b + "=" + via.claimOwner(b, p));
                }
            }
            java.util.Map<String, java.util.Set<String>> answers = new java.util.HashMap<>();
            for (Future<String> f : pool.invokeAll(claims)) {
                String[] kv = f.get().split("=");
                answers.computeIfAbsent(kv[0], k -> new java.util.HashSet<>()).add(kv[1]);
            }
            assertThat(answers).hasSize(50);
            answers.forEach((bank, owners) -> {
                assertThat(owners).as(bank).hasSize(1);
                assertThat(two.owner(bank)).contains(owners.iterator().next());
            });
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sharedBankCountersAddUpAcrossInstances() {
        org.junit.jupiter.api.Assumptions.assumeTrue(shared(), "this store belongs to one process");
        GovernanceStore one = open();
        GovernanceStore two = open();
        assertThat(one.sharesCounters()).isTrue();
        java.time.LocalDate keep = java.time.LocalDate.of(2026, 7, 1);
        one.addBankCounters(java.util.Map.of("diary", java.util.Map.of("retains", 3L, "retains@2026-06-01", 3L)), keep
                .minusDays(60));
        two.addBankCounters(java.util.Map.of("diary", java.util.Map.of("retains", 4L, "retains@2026-07-01", 4L)), keep
                .minusDays(60));
        assertThat(one.bankCounters("diary")).containsEntry("retains", 7L).containsEntry("retains@2026-06-01", 3L);
        two.addBankCounters(java.util.Map.of("diary", java.util.Map.of("recalls", 1L)), keep);
        assertThat(one.bankCounters("diary")).as("daily counters before the kept days are dropped")
                .containsEntry("retains", 7L).containsEntry("retains@2026-07-01", 4L)
                .doesNotContainKey("retains@2026-06-01").containsEntry("recalls", 1L);
        one.deleteBankCounters("diary");
        assertThat(two.bankCounters()).doesNotContainKey("diary");
    }
}
