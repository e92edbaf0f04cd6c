package io.astrocyte.identity;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.BankIds;
import io.astrocyte.config.IdentityConfig;
import java.util.Objects;

/**
 * The convention bank of an identity (SPEC §2.4): {@code user-<id>}, {@code agent-<id>},
 * {@code service-<id>} (prefixes from {@code identity.*_bank_prefix}), {@code team-<id>} for teams.
 * Characters a bank id cannot hold are replaced by {@code _}, so every identity has a valid bank.
 */
public final class BankResolver {

    private final IdentityConfig config;

    public BankResolver(IdentityConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The convention bank of {@code actor}. */
    public String derive(ActorIdentity actor) {
        String prefix = switch (actor.type()) {
            case USER -> config.userBankPrefix();
            case AGENT -> config.agentBankPrefix();
            case SERVICE -> config.serviceBankPrefix();
            case TEAM -> "team-";
        };
        return derive(prefix, actor.id());
    }

    /** {@code prefix + id}, with characters outside {@code [a-zA-Z0-9._:@-]} replaced by {@code _}. */
    public static String derive(String prefix, String id) {
        String bank = (prefix + id).replaceAll("[^a-zA-Z0-9._:@\\-]", "_");
        if (bank.length() > 255) {
            throw new InvalidRequestException("bank_id", "identity '" + id + "' is too long for a bank id");
        }
        return BankIds.require("bank_id", bank);
    }
}
