package io.astrocyte.identity;

import io.astrocyte.api.BankIds;
import io.astrocyte.api.MultiBankStrategy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Who a memory call is for and which banks it uses, as an integration resolves it once per agent or
 * conversation (agent card, Spring Security, explicit configuration) and then passes to every call.
 *
 * @param context     the identity every call carries (agent principal, end user as on-behalf-of, tenant)
 * @param defaultBank where retains go
 * @param readBanks   where recalls and reflects read; always starts with {@code defaultBank}
 * @param strategy    how a recall over several read banks combines them
 * @param limits      per-agent limits for the policy layer
 */
public record ResolvedMemoryBinding(AstrocyteContext context, String defaultBank, List<String> readBanks,
        MultiBankStrategy strategy, AgentLimits limits) {

    public ResolvedMemoryBinding {
        Objects.requireNonNull(context, "context");
        BankIds.require("default_bank", defaultBank);
        LinkedHashSet<String> banks = new LinkedHashSet<>();
        banks.add(defaultBank);
        if (readBanks != null) {
            for (String b : readBanks) {
                banks.add(BankIds.require("read_banks", b));
            }
        }
        readBanks = List.copyOf(new ArrayList<>(banks));
        strategy = strategy == null ? MultiBankStrategy.parallel() : strategy;
        limits = limits == null ? AgentLimits.NONE : limits;
    }

    /** A binding of one identity to one bank. */
    public static ResolvedMemoryBinding of(AstrocyteContext context, String bank) {
        return new ResolvedMemoryBinding(context, bank, List.of(), null, null);
    }
}
