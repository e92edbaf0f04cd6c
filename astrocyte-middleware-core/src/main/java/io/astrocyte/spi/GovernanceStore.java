package io.astrocyte.spi;

import io.astrocyte.identity.AccessGrant;
import java.util.List;
import java.util.Optional;

/**
 * Durable governance state kept apart from memories (ARCHITECTURE "Data that must never be lost"):
 * bank owners and grants made through the access API, legal holds and quota use. Every
 * write must be on disk before the method returns, and each change is all-or-nothing. Implementations are
 * thread-safe.
 */
public interface GovernanceStore extends AutoCloseable {

    /** The principal (grant key, e.g. {@code user:alice}) that owns the bank, if one is recorded. */
    Optional<String> owner(String bankId);

    /**
     * Records {@code principal} as the bank's owner unless it already has one, atomically, and returns
     * the owner afterwards: {@code principal} when the claim succeeded, the earlier owner otherwise.
     */
    String claimOwner(String bankId, String principal);

    /** Every stored grant, one per (bank pattern, principal pattern) pair, in the order first granted. */
    List<AccessGrant> grants();

    /**
     * Adds the grant's permissions to the stored grant with the same bank and principal patterns (creating
     * it when there is none) and returns the stored grant afterwards.
     */
    AccessGrant addGrant(AccessGrant grant);

    /**
     * Removes the grant's permissions from the stored grant with the same bank and principal patterns and
     * returns what is left; empty when nothing is left (the grant is then gone) or there was no such grant.
     */
    Optional<AccessGrant> removeGrant(AccessGrant grant);

    /** Quota use recorded for {@code day} (UTC), by counter key; empty for a day never saved. */
    java.util.Map<String, Long> quotaUsage(java.time.LocalDate day);

    /** Replaces the recorded quota use with {@code usage} for {@code day}; earlier days may be discarded. */
    void saveQuotaUsage(java.time.LocalDate day, java.util.Map<String, Long> usage);

    /** Bank health counters by bank, as last saved; empty when none were. */
    /**
     * Whether this store counts quotas itself, atomically for every instance that shares it: then quotas are
     * reserved through {@link #tryConsumeQuota} before a call and refunded when the call does not count, so a
     * daily limit holds exactly across replicas. Stores local to one process keep the default, {@code false}.
     */
    default boolean sharesQuotas() {
        return false;
    }

    /**
     * Adds one to {@code key}'s count for {@code day} unless the count has reached {@code limit}, atomically;
     * returns whether it did. Only called when {@link #sharesQuotas()}.
     */
    default boolean tryConsumeQuota(java.time.LocalDate day, String key, long limit) {
        throw new io.astrocyte.CapabilityNotSupportedException(getClass().getSimpleName(), "shared quotas");
    }

    /** Takes back one unit {@link #tryConsumeQuota} gave, for a call that then did not count. */
    default void refundQuota(java.time.LocalDate day, String key) {
        throw new io.astrocyte.CapabilityNotSupportedException(getClass().getSimpleName(), "shared quotas");
    }

    /**
     * Whether bank counters are shared by every instance on this store: then instances add their increments
     * ({@link #addBankCounters}) and read totals back ({@link #bankCounters(String)}) instead of saving snapshots.
     */
    default boolean sharesCounters() {
        return false;
    }

    /** One bank's counters; by default read from {@link #bankCounters()}. */
    default java.util.Map<String, Long> bankCounters(String bankId) {
        return bankCounters().getOrDefault(bankId, java.util.Map.of());
    }

    /**
     * Adds increments to banks' counters and drops daily counters ({@code key@yyyy-mm-dd}) dated before
     * {@code keepDailyFrom}. Only called when {@link #sharesCounters()}.
     */
    default void addBankCounters(java.util.Map<String, java.util.Map<String, Long>> increments,
            java.time.LocalDate keepDailyFrom) {
        throw new io.astrocyte.CapabilityNotSupportedException(getClass().getSimpleName(), "shared bank counters");
    }

    /** Forgets a purged bank's counters. Only called when {@link #sharesCounters()}. */
    default void deleteBankCounters(String bankId) {
        throw new io.astrocyte.CapabilityNotSupportedException(getClass().getSimpleName(), "shared bank counters");
    }

    default java.util.Map<String, java.util.Map<String, Long>> bankCounters() {
        return java.util.Map.of();
    }

    /** Replaces the saved bank health counters. The default keeps nothing (counters then restart at zero). */
    default void saveBankCounters(java.util.Map<String, java.util.Map<String, Long>> counters) {
    }

    /** The bank's legal holds, oldest first; empty when it has none. */
    default List<io.astrocyte.api.LegalHold> legalHolds(String bankId) {
        throw new io.astrocyte.CapabilityNotSupportedException(getClass().getSimpleName(), "legal holds");
    }

    /**
     * Records a hold unless the bank already has one with the same id, atomically, and returns the hold
     * stored afterwards: {@code hold} when it was added, the earlier one otherwise.
     */
    default io.astrocyte.api.LegalHold setLegalHold(io.astrocyte.api.LegalHold hold) {
        throw new io.astrocyte.CapabilityNotSupportedException(getClass().getSimpleName(), "legal holds");
    }

    /** Removes the hold and returns it; empty when the bank had no hold with that id. */
    default Optional<io.astrocyte.api.LegalHold> releaseLegalHold(String bankId, String holdId) {
        throw new io.astrocyte.CapabilityNotSupportedException(getClass().getSimpleName(), "legal holds");
    }

    @Override
    default void close() {
    }
}
