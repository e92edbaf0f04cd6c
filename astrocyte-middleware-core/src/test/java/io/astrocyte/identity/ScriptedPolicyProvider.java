package io.astrocyte.identity;

import io.astrocyte.spi.AccessPolicyProvider;
import io.astrocyte.spi.PolicyDecision;
import io.astrocyte.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test double for an external policy engine: answers from a table keyed {@code principal bank permission}
 * ({@code NOT_APPLICABLE} when absent), or throws when told to, and records what it was asked.
 */
final class ScriptedPolicyProvider implements AccessPolicyProvider {

    final Map<String, PolicyDecision> answers;
    final List<String> asked = new ArrayList<>();
    volatile boolean failing;

    ScriptedPolicyProvider(Map<String, PolicyDecision> answers) {
        this.answers = answers;
    }

    @Override
    public PolicyDecision check(AstrocyteContext context, String bankId, Permission permission) {
        String key = context.principal() + " " + bankId + " " + permission.wireName();
        asked.add(key);
        if (failing) {
            throw new IllegalStateException("policy engine unreachable");
        }
        return answers.getOrDefault(key, PolicyDecision.notApplicable());
    }

    /** Registered as {@code scripted-test-double}; allows reads of {@code public-*} banks, denies the rest. */
    public static final class Factory implements ProviderFactory.ForAccessPolicy {

        @Override
        public String name() {
            return "scripted-test-double";
        }

        @Override
        public int priority() {
            return -1;
        }

        @Override
        public AccessPolicyProvider create(Map<String, Object> config) {
            String allowed = String.valueOf(config.getOrDefault("allow_read_prefix", "public-"));
            return (context, bankId, permission) -> bankId.startsWith(allowed) && permission == Permission.READ
                    ? PolicyDecision.allow("public bank") : PolicyDecision.deny("not public");
        }
    }
}
