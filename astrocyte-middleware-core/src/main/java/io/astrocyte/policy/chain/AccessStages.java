package io.astrocyte.policy.chain;

import io.astrocyte.AuthorizationException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.api.ForgetRequest;
import io.astrocyte.api.ForgetResult;
import io.astrocyte.config.IdentityConfig;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AccessManager;
import io.astrocyte.identity.Permission;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who may do this: resolves and checks the banks of a call, before anything else looks at its content. */
final class AccessStages {

    private static final Logger COMPLIANCE_LOG = LoggerFactory.getLogger("astrocyte.compliance.forget");

    private final AccessController access;
    private final AccessManager manager;
    private final IdentityConfig identity;

    AccessStages(AccessController access, AccessManager manager, IdentityConfig identity) {
        this.access = access;
        this.manager = manager;
        this.identity = identity;
    }

    /** The one bank the call writes, with {@code write}. */
    <Q, R> RequestPath.Stage<Q, R> write(Function<Q, String> bank) {
        return (call, rest) -> {
            String b = bank.apply(call.request());
            access.check(call.context(), b, Permission.WRITE);
            call.banks(List.of(b));
            return rest.proceed(call);
        };
    }

    /**
     * The banks the call reads, each with {@code read}; with none named and
     * {@code identity.auto_resolve_banks}, every bank the caller may read.
     */
    <Q, R> RequestPath.Stage<Q, R> read(Function<Q, List<String>> banks) {
        return (call, rest) -> {
            call.banks(readable(banks.apply(call.request()), call));
            return rest.proceed(call);
        };
    }

    private List<String> readable(List<String> banks, Call<?, ?> call) {
        if (banks.isEmpty() && identity.autoResolveBanks()) {
            List<String> resolved = manager.readableBanks(call.context());
            if (resolved.isEmpty()) {
                throw new InvalidRequestException("bank_id", "no bank named and " + call.context().principal()
                        + " may read none (identity.auto_resolve_banks)");
            }
            return resolved;
        }
        if (banks.isEmpty()) {
            throw new InvalidRequestException("bank_id", "name a bank_id or banks");
        }
        for (String bank : banks) {
            access.check(call.context(), bank, Permission.READ);
        }
        return banks;
    }

    /** Selective forget needs {@code forget}; {@code scope=all} and compliance need {@code admin} and an identity. */
    RequestPath.Stage<ForgetRequest, ForgetResult> forget() {
        return (call, rest) -> {
            ForgetRequest r = call.request();
            if (r.compliance() && call.context() == null) {
                throw new AuthorizationException("a compliance forget needs an identity");
            }
            access.check(call.context(), r.bankId(), r.isScopeAll() || r.compliance() ? Permission.ADMIN
                    : Permission.FORGET);
            call.banks(List.of(r.bankId()));
            return rest.proceed(call);
        };
    }

    /** A compliance forget is logged, with who asked and why, before anything is purged. */
    static RequestPath.Stage<ForgetRequest, ForgetResult> complianceLog() {
        return (call, rest) -> {
            ForgetRequest r = call.request();
            if (r.compliance()) {
                COMPLIANCE_LOG.warn("event=astrocyte.compliance.forget actor={} bank_id={} reason={} scope={}",
                        call.context().principal(), r.bankId(), r.reason(), r.isScopeAll() ? "all" : "selective");
            }
            return rest.proceed(call);
        };
    }
}
