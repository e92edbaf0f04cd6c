package io.astrocyte.lifecycle;

import io.astrocyte.CapabilityNotSupportedException;
import io.astrocyte.LegalHoldActiveException;
import io.astrocyte.api.BankIds;
import io.astrocyte.api.LegalHold;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;
import io.astrocyte.observe.HookDispatcher;
import io.astrocyte.audit.AuditRecorder;
import io.astrocyte.spi.GovernanceStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legal holds (SPEC §6.4): set, released and listed with {@code admin} on the bank, kept in the governance
 * store so they survive restarts and are shared by every instance on the same store. While a bank has a hold,
 * {@link #checkForget} refuses every forget except a compliance forget, which still purges (and is logged).
 */
public final class LegalHolds {

    private static final Logger AUDIT = LoggerFactory.getLogger("astrocyte.audit.legal_hold");

    private final GovernanceStore store;
    private final AccessController access;
    private final HookDispatcher hooks;
    private final Clock clock;
    private final AuditRecorder audit;

    /**
     * @param store where holds live; {@code null} when the instance has no governance store (no holds then)
     * @param audit records {@code bank.legal_hold.set} / {@code .released}
     */
    public LegalHolds(GovernanceStore store, AccessController access, HookDispatcher hooks, Clock clock,
            AuditRecorder audit) {
        this.store = store;
        this.access = access;
        this.hooks = hooks;
        this.clock = clock;
        this.audit = audit;
    }

    /** Sets a hold (or returns the one already set under that id). Needs {@code admin} on the bank. */
    public LegalHold set(String bankId, String holdId, String reason, AstrocyteContext context) {
        BankIds.require("bank_id", bankId);
        access.check(context, bankId, Permission.ADMIN);
        LegalHold wanted = new LegalHold(bankId, holdId, reason, actor(context),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        LegalHold stored = store().setLegalHold(wanted);
        if (stored == wanted || stored.equals(wanted)) {
            AUDIT.warn("event=astrocyte.legal_hold.set actor={} bank_id={} hold_id={} reason={}", actor(context),
                    bankId, holdId, wanted.reason());
            hooks.fire("on_legal_hold", bankId, Map.of("hold_id", holdId, "action", "set", "actor",
                    actor(context)), null);
            audit.record("bank.legal_hold.set", bankId, context, List.of(), wanted.reason(), Map.of("hold_id", holdId));
        }
        return stored;
    }

    /** Releases a hold; {@code false} when the bank had none with that id. Needs {@code admin} on the bank. */
    public boolean release(String bankId, String holdId, AstrocyteContext context) {
        BankIds.require("bank_id", bankId);
        access.check(context, bankId, Permission.ADMIN);
        Optional<LegalHold> released = store().releaseLegalHold(bankId, holdId);
        released.ifPresent(h -> {
            AUDIT.warn("event=astrocyte.legal_hold.released actor={} bank_id={} hold_id={}", actor(context),
                    bankId, holdId);
            hooks.fire("on_legal_hold", bankId, Map.of("hold_id", holdId, "action", "released", "actor",
                    actor(context)), null);
            audit.record("bank.legal_hold.released", bankId, context, List.of(), null, Map.of("hold_id", holdId));
        });
        return released.isPresent();
    }

    /** The bank's holds, oldest first. Needs {@code admin} on the bank. */
    public List<LegalHold> list(String bankId, AstrocyteContext context) {
        BankIds.require("bank_id", bankId);
        access.check(context, bankId, Permission.ADMIN);
        return store == null ? List.of() : store.legalHolds(bankId);
    }

    /** Whether the bank has any hold, for the parts that act on their own (lifecycle); no access check. */
    public boolean isUnderHold(String bankId) {
        return store != null && !store.legalHolds(bankId).isEmpty();
    }

    /** Refuses a forget that is not a compliance forget on a held bank, naming the oldest hold. */
    public void checkForget(String bankId, boolean compliance) {
        if (compliance || store == null) {
            return;
        }
        List<LegalHold> held = store.legalHolds(bankId);
        if (!held.isEmpty()) {
            throw new LegalHoldActiveException(bankId, held.get(0).holdId());
        }
    }

    private static String actor(AstrocyteContext context) {
        return context == null ? "anonymous" : context.principal();
    }

    private GovernanceStore store() {
        if (store == null) {
            throw new CapabilityNotSupportedException("governance store",
                    "legal holds (they live in the governance store: give the builder one, or use the embedded"
                            + " module's data folder)");
        }
        return store;
    }
}
