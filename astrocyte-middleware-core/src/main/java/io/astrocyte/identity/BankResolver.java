package io.astrocyte.identity;

import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.BankIds;
import io.astrocyte.config.IdentityConfig;
import java.util.Objects;

/**
 * The convention bank of an identity (SPEC §2.4): {@code user-<id>}, {@code agent-<id>},
 * {@code service-<id>} (prefixes from {@code identity.*_bank_prefix}), {@code team-<id>} for teams.
 * Identifiers are put in with {@link #encode(String)}, which is one-to-one: two different identities
 * never share a bank, whatever characters their ids hold.
 */
public final class BankResolver {

    private final IdentityConfig config;

    public BankResolver(IdentityConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The convention bank of {@code actor}. */
    public String derive(ActorIdentity actor) {
        return derive(prefix(actor.type()), actor.id());
    }

    private String prefix(ActorType type) {
        String prefix = switch (type) {
            case USER -> config.userBankPrefix();
            case AGENT -> config.agentBankPrefix();
            case SERVICE -> config.serviceBankPrefix();
            case TEAM -> "team-";
        };
        return prefix == null ? "" : prefix;
    }

    /** Whether {@code bankId} is {@code actor}'s own convention bank. */
    public boolean isConventionBankOf(ActorIdentity actor, String bankId) {
        String prefix = prefix(actor.type());
        return actor.type() != ActorType.TEAM && !prefix.isEmpty() && bankId.equals(prefix + encode(actor.id()));
    }

    /**
     * Whether {@code bankId} is the convention bank of some user, agent or service (a non-empty prefix
     * followed by an encoded id): such a bank belongs to the identity it derives from and is never claimed
     * by whoever writes to it first. Banks that merely start with a prefix ({@code agent-x:user-y}, whose
     * {@code :u} is no escape) are ordinary banks. Team banks are ordinary banks too: teams are matched
     * through actors' claims and never call as themselves.
     */
    public boolean isConventionBank(String bankId) {
        for (ActorType type : new ActorType[] {ActorType.USER, ActorType.AGENT, ActorType.SERVICE}) {
            String prefix = prefix(type);
            if (!prefix.isEmpty() && bankId.length() > prefix.length() && bankId.startsWith(prefix)
                    && isEncodedId(bankId, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s} from {@code from} on could be an output of {@link #encode}. */
    private static boolean isEncodedId(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                if (i + 2 >= s.length() || HEX_DIGITS.indexOf(s.charAt(i + 1)) < 0
                        || HEX_DIGITS.indexOf(s.charAt(i + 2)) < 0) {
                    return false;
                }
                i += 2;
            } else if (!isPlain(c)) {
                return false;
            }
        }
        return true;
    }

    private static final String HEX_DIGITS = "0123456789abcdef";

    /** {@code prefix + encode(id)}; an id too long for a bank id is refused. */
    public static String derive(String prefix, String id) {
        String bank = prefix + encode(id);
        if (bank.length() > 255) {
            throw new InvalidRequestException("bank_id", "identity '" + id + "' is too long for a bank id");
        }
        return BankIds.require("bank_id", bank);
    }

    /**
     * Puts an identifier into bank-id characters, one-to-one. Letters, digits and {@code . _ @ -} stay as
     * they are, so ordinary ids ({@code alice}, {@code jo_smith}, {@code 3f2a-...}, {@code a.b@c}) keep
     * readable banks. Every other character, {@code :} included, becomes {@code :} followed by two
     * lowercase hex digits per UTF-8 byte: {@code "jo smith"} is {@code jo:20smith}, {@code "José"}
     * {@code Jos:c3:a9}. As {@code :} only ever starts such an escape, the original id can be read back
     * from the result, so two different ids can never give the same bank (replacing characters by a
     * placeholder, as before, mapped {@code "jo smith"} and {@code "jo_smith"} to one bank).
     */
    public static String encode(String id) {
        Objects.requireNonNull(id, "id");
        StringBuilder out = null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (isPlain(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(id.length() + 16).append(id, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < id.length()
                    && Character.isLowSurrogate(id.charAt(i + 1)) ? i + 2 : i + 1;
            // A lone surrogate has no UTF-8 form; its code unit is escaped as three bytes of its own
            // (as CESU-8 would), which no well-formed character encodes to, so it cannot collide.
            byte[] bytes = end - i == 1 && Character.isSurrogate(c)
                    ? new byte[] {(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))}
                    : id.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (byte b : bytes) {
                out.append(':').append(HEX_DIGITS.charAt((b >> 4) & 0xF)).append(HEX_DIGITS.charAt(b & 0xF));
            }
            i = end - 1;
        }
        return out == null ? id : out.toString();
    }

    private static boolean isPlain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '@' || c == '-';
    }
}
