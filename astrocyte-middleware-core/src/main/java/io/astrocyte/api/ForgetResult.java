package io.astrocyte.api;

/**
 * @param deletedCount memories forgotten (soft) or purged (compliance)
 * @param archivedCount memories archived instead of deleted (always 0 until lifecycle archiving exists)
 */
public record ForgetResult(int deletedCount, int archivedCount) {
}
