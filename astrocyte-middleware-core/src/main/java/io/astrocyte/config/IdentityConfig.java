package io.astrocyte.config;

/**
 * {@code identity} (SPEC §2.4): how banks are derived from identities.
 *
 * @param autoResolveBanks  when a recall names no bank, use every bank the caller may read
 *                          ({@link io.astrocyte.identity.AccessManager#readableBanks})
 * @param userBankPrefix    convention bank of a user: {@code user-<id>}
 * @param agentBankPrefix   convention bank of an agent: {@code agent-<id>}
 * @param serviceBankPrefix convention bank of a service: {@code service-<id>}
 */
public record IdentityConfig(Boolean autoResolveBanks, String userBankPrefix, String agentBankPrefix,
        String serviceBankPrefix) {

    public static final IdentityConfig DEFAULT = new IdentityConfig(null, null, null, null);

    public IdentityConfig {
        autoResolveBanks = autoResolveBanks != null && autoResolveBanks;
        userBankPrefix = userBankPrefix == null ? "user-" : userBankPrefix;
        agentBankPrefix = agentBankPrefix == null ? "agent-" : agentBankPrefix;
        serviceBankPrefix = serviceBankPrefix == null ? "service-" : serviceBankPrefix;
    }
}
