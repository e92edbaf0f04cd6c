package io.astrocyte.agentcard;

import io.astrocyte.ConfigException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.BankIds;
import io.astrocyte.identity.BankResolver;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bank id with placeholders: {@code {agent_id}}, {@code {user_id}}, {@code {tenant_id}}, {@code {env}},
 * {@code {session_id}}. Values are put in with {@link BankResolver#encode(String)}, which is one-to-one:
 * two users (or sessions, tenants…) that differ never share the bank a template gives them.
 */
record BankTemplate(String key, String template) {

    static final Set<String> PLACEHOLDERS = Set.of("agent_id", "user_id", "tenant_id", "env", "session_id");
    /** Placeholders that change per call, which become {@code *} in the agent's grant for the bank. */
    static final Set<String> PER_CALL = Set.of("user_id", "session_id");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    BankTemplate {
        if (template == null || template.isBlank()) {
            throw new ConfigException(key + ": is required");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new ConfigException(key + ": unknown placeholder {" + m.group(1) + "} in '" + template
                        + "' (use " + String.join(", ", PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList())
                        + ")");
            }
        }
    }

    /** The bank for these values; a placeholder without a value is an error naming what is missing. */
    String render(Map<String, String> values) {
        String bank = substitute(values, false);
        return BankIds.require(key, bank);
    }

    /** The bank pattern the agent is granted: per-call placeholders become {@code *}. */
    String grantPattern(Map<String, String> values) {
        return substitute(values, true);
    }

    private String substitute(Map<String, String> values, boolean perCallAsWildcard) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (perCallAsWildcard && PER_CALL.contains(name)) {
                value = "*";
            } else {
                value = values.get(name);
                if (value == null || value.isBlank()) {
                    throw new InvalidRequestException(key, "bank template '" + template + "' needs {" + name
                            + "}, which this execution environment does not provide");
                }
                value = BankResolver.encode(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
