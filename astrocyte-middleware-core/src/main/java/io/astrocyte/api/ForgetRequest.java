package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;
import java.time.Instant;
import java.util.List;

/**
 * Forget memories (SPEC §1.5): by ids, by tags (match-any), by {@code occurred_at} before a date, or
 * everything ({@code scope="all"}). Selectors combine with AND. Forgetting is a soft delete that keeps
 * {@code history(as_of)} truthful; {@code compliance=true} purges physically.
 */
public record ForgetRequest(
        String bankId,
        List<String> memoryIds,
        List<String> tags,
        String scope,
        boolean compliance,
        String reason,
        Instant beforeDate) {

    public static final String SCOPE_ALL = "all";

    public ForgetRequest {
        BankIds.require("bank_id", bankId);
        memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
        tags = Validate.tags("tags", tags);
        if (scope != null && !SCOPE_ALL.equals(scope)) {
            throw new InvalidRequestException("scope", "only \"all\" is a scope, got '" + scope + "'");
        }
        boolean selective = !memoryIds.isEmpty() || !tags.isEmpty() || beforeDate != null;
        if (SCOPE_ALL.equals(scope) && selective) {
            throw new InvalidRequestException("scope", "scope=all cannot be combined with ids, tags or before_date");
        }
        if (!SCOPE_ALL.equals(scope) && !selective) {
            throw new InvalidRequestException(null, "forget needs memory_ids, tags, before_date or scope=all");
        }
        for (String id : memoryIds) {
            if (id == null || id.isBlank()) {
                throw new InvalidRequestException("memory_ids", "ids must be non-blank");
            }
        }
    }

    public static ForgetRequest byIds(String bankId, List<String> ids) {
        return new ForgetRequest(bankId, ids, null, null, false, null, null);
    }

    public static ForgetRequest byTags(String bankId, List<String> tags) {
        return new ForgetRequest(bankId, null, tags, null, false, null, null);
    }

    public static ForgetRequest before(String bankId, Instant beforeDate) {
        return new ForgetRequest(bankId, null, null, null, false, null, beforeDate);
    }

    public static ForgetRequest all(String bankId) {
        return new ForgetRequest(bankId, null, null, SCOPE_ALL, false, null, null);
    }

    /** This request as a compliance purge, with the reason logged. */
    public ForgetRequest asCompliance(String why) {
        return new ForgetRequest(bankId, memoryIds, tags, scope, true, why, beforeDate);
    }

    public boolean isScopeAll() {
        return SCOPE_ALL.equals(scope);
    }
}
