package io.astrocyte.spi;

import java.util.Optional;

/**
 * Durable governance state kept apart from memories (ARCHITECTURE "Data that must never be lost"):
 * bank owners now, and grants, legal holds and quotas as they arrive. Every write must be on disk
 * before the method returns. Implementations are thread-safe.
 */
public interface GovernanceStore extends AutoCloseable {

    /** The principal (grant key, e.g. {@code user:alice}) that owns the bank, if one is recorded. */
    Optional<String> owner(String bankId);

    /**
     * Records {@code principal} as the bank's owner unless it already has one, atomically, and returns
     * the owner afterwards: {@code principal} when the claim succeeded, the earlier owner otherwise.
     */
    String claimOwner(String bankId, String principal);

    @Override
    default void close() {
    }
}
