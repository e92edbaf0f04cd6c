package io.astrocyte.config;

/**
 * {@code governance} ([Java] subset of SPEC §6.6): where the audit trail goes.
 *
 * @param audit the tamper-evident audit trail
 */
public record GovernanceConfig(AuditConfig audit) {

    public static final GovernanceConfig DEFAULT = new GovernanceConfig(null);

    public GovernanceConfig {
        audit = audit == null ? AuditConfig.DEFAULT : audit;
    }

    /**
     * {@code governance.audit}: the JSONL audit trail, each line chained to the previous one by hash.
     *
     * @param enabled write the trail (default on when the instance has a data folder or a path is given)
     * @param path    the trail's file (default {@code <data folder>/audit/audit.jsonl})
     */
    public record AuditConfig(Boolean enabled, String path) {

        public static final AuditConfig DEFAULT = new AuditConfig(null, null);

        public AuditConfig {
            enabled = enabled == null || enabled;
        }
    }
}
