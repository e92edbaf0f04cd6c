package io.astrocyte.policy.chain;

import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.policy.signal.NoisyBankMonitor;
import java.util.Optional;

/** Signal quality: a bank flooded with near-duplicates or trivial content is refused further retains. */
final class SignalStages {

    private final NoisyBankMonitor noisyBanks;

    SignalStages(NoisyBankMonitor noisyBanks) {
        this.noisyBanks = noisyBanks;
    }

    RequestPath.Stage<RetainRequest, RetainResult> noisyBank() {
        return (call, rest) -> {
            String bank = call.request().bankId();
            Optional<String> noisy = noisyBanks.admit(bank);
            if (noisy.isPresent()) {
                call.outcome(Outcome.REJECTED);
                return RetainResult.rejected(noisy.get());
            }
            RetainResult result = rest.proceed(call);
            if (result.stored() || result.deduplicated()) {
                noisyBanks.record(bank, call.original().content().length(), result.deduplicated());
            }
            return result;
        };
    }
}
