package io.astrocyte.policy.chain;

import io.astrocyte.AccessDeniedException;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.api.RoutingDecision;
import io.astrocyte.identity.AccessController;
import io.astrocyte.identity.ActorIdentity;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.Permission;
import io.astrocyte.routing.MipInput;
import io.astrocyte.routing.MipRouter;
import io.astrocyte.observe.Telemetry;
import io.astrocyte.policy.BankPolicies;
import io.astrocyte.policy.escalation.StoreCalls;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.VectorStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Memory Intent Protocol on the retain path (SPEC §6.2), after access control and before limits. It first
 * computes what rules may test (SPEC [J]): {@code content_type} is the metadata's {@code content_type} when the
 * caller gives one (routing kinds such as {@code student_answer} that the retain API's six types do not name),
 * else the request's; {@code pii_detected} is the caller's flag or a pattern match of the
 * bank's PII scanner, {@code signals.word_count} the content's words, {@code signals.novelty_score} (only when a
 * rule tests it) one minus the similarity of the bank's nearest memory. The decision may send the memory to
 * another bank, which the caller must be able to write to (a refusal names the rule), replace its tags, redact
 * it before storage or reject it. The result carries the decision.
 */
final class RoutingStage {

    private final MipRouter router;
    private final AccessController access;
    private final BankPolicies policies;
    private final Embedder embedder;
    private final VectorStore store;
    private final StoreCalls calls;
    private final Telemetry telemetry;

    RoutingStage(MipRouter router, AccessController access, BankPolicies policies, Embedder embedder,
            VectorStore store, StoreCalls calls, Telemetry telemetry) {
        this.router = router;
        this.access = access;
        this.policies = policies;
        this.embedder = embedder;
        this.store = store;
        this.calls = calls;
        this.telemetry = telemetry;
    }

    RequestPath.Stage<RetainRequest, RetainResult> retain() {
        return (call, rest) -> {
            if (router == null) {
                return rest.proceed(call);
            }
            RetainRequest r = call.request();
            boolean pii = r.piiDetected() || !policies.barriers(r.bankId()).pii().patternTypes(r.content()).isEmpty();
            RoutingDecision d = router.route(input(r, pii, call.context()));
            telemetry.mipDecision(d.ruleName(), d.resolvedBy().name().toLowerCase(java.util.Locale.ROOT));
            if ("reject".equals(d.retainPolicy())) {
                call.outcome(Outcome.REJECTED);
                return RetainResult.rejected("Rejected by MIP " + (d.ruleName() == null ? "intent layer"
                        : "rule '" + d.ruleName() + "'")).withRouting(d);
            }
            String bank = d.bankId() == null ? r.bankId() : d.bankId();
            if (!bank.equals(r.bankId())) {
                try {
                    access.check(call.context(), bank, Permission.WRITE);
                } catch (AccessDeniedException e) {
                    throw new AccessDeniedException(principal(call.context()), bank, Permission.WRITE,
                            "MIP " + (d.ruleName() == null ? "intent layer" : "rule '" + d.ruleName() + "'")
                                    + " routed this memory from bank " + r.bankId());
                }
            }
            String content = "redact_before_store".equals(d.retainPolicy())
                    ? policies.barriers(bank).pii().redactAll(r.content()) : r.content();
            call.request(r.routed(bank, d.tags() == null ? r.tags() : d.tags(), content, pii));
            if (d.pipeline() != null) {
                call.put(io.astrocyte.routing.PipelineSpec.class, d.pipeline()); // chunker and dedup for the store stage
            }
            call.banks(List.of(bank));
            return rest.proceed(call).withRouting(d);
        };
    }

    /** The forget spec of the bank a forget is about, and the rule it comes from. */
    record BankForget(String rule, io.astrocyte.routing.ForgetSpec spec) {
    }

    /**
     * Finds the bank's forget spec (the first live rule routing to the bank with one) for the later stages, and
     * after the forget writes the {@code astrocyte.mip.forget.audit} line when the spec requires an audit.
     */
    RequestPath.Stage<io.astrocyte.api.ForgetRequest, io.astrocyte.api.ForgetResult> forget() {
        return (call, rest) -> {
            if (router == null) {
                return rest.proceed(call);
            }
            var q = call.request();
            var lookup = router.config().forgetFor(q.bankId(), java.time.Instant.now());
            if (lookup.isEmpty()) {
                return rest.proceed(call);
            }
            BankForget bf = new BankForget(lookup.get().fromRule(), lookup.get().value());
            call.put(BankForget.class, bf);
            io.astrocyte.api.ForgetResult r = rest.proceed(call);
            if ("required".equals(bf.spec().audit())) {
                FORGET_AUDIT.warn(auditLine(bf, q, r, principal(call.context())));
            }
            return r;
        };
    }

    private static final org.slf4j.Logger FORGET_AUDIT = org.slf4j.LoggerFactory.getLogger("astrocyte.mip.forget.audit");

    /** One JSON object per line, keys in a fixed order, so log pipelines and people read the same record. */
    private static String auditLine(BankForget bf, io.astrocyte.api.ForgetRequest q, io.astrocyte.api.ForgetResult r,
            String actor) {
        var f = bf.spec();
        return "{\"event\": \"astrocyte.mip.forget.audit\", \"bank_id\": " + quote(q.bankId()) + ", \"rule\": "
                + quote(bf.rule()) + ", \"mode\": " + quote(f.mode()) + ", \"cascade\": "
                + (f.cascade() == null || f.cascade()) + ", \"compliance\": " + q.compliance() + ", \"reason\": "
                + quote(q.reason()) + ", \"actor\": " + quote(actor) + ", \"memory_ids\": " + q.memoryIds().size()
                + ", \"deleted_count\": " + r.deletedCount() + "}";
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        try {
            return JSON.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "null";
        }
    }

    private MipInput input(RetainRequest r, boolean pii, AstrocyteContext context) {
        Map<String, Double> signals = new LinkedHashMap<>();
        String trimmed = r.content().trim();
        signals.put("word_count", trimmed.isEmpty() ? 0.0 : (double) trimmed.split("\\s+").length);
        if (router.config().usesSignal("novelty_score")) {
            signals.put("novelty_score", novelty(r));
        }
        // The retain API's content types pick normalization; routing kinds beyond them (student_answer, binary, …)
        // come as metadata content_type, which rules see first.
        Object declared = r.metadata().get("content_type");
        String contentType = declared instanceof String t && !t.isBlank() ? t
                : r.contentType() == null ? null : r.contentType().wireName();
        return new MipInput(r.content(), contentType, r.source(), pii, r.tags(), r.metadata(), signals,
                principal(context == null ? null : context.actor()));
    }

    /** 1 − cosine similarity to the bank's nearest live memory; 1 for an empty bank. */
    private double novelty(RetainRequest r) {
        float[] v = embedder.embed(r.content());
        return calls.call(() -> store.nearestLive(v, r.bankId()))
                .map(h -> 1 - Math.max(0, 2 * h.score() - 1)).orElse(1.0);
    }

    private static MipInput.Principal principal(ActorIdentity actor) {
        if (actor == null) {
            return null;
        }
        String type = actor.type().name().toLowerCase(java.util.Locale.ROOT);
        String appId = actor.claims().getOrDefault("app_id", "service".equals(type) ? actor.id() : null);
        return new MipInput.Principal(type, actor.claims().getOrDefault("oid", actor.id()), actor.claims().get("upn"),
                appId);
    }

    private static String principal(AstrocyteContext context) {
        return context == null ? "anonymous" : context.principal();
    }
}
