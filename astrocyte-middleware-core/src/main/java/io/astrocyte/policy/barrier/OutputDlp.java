package io.astrocyte.policy.barrier;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.config.DlpConfig;
import io.astrocyte.config.PiiConfig;
import io.astrocyte.config.PiiConfig.Action;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DLP on what leaves the memory (SPEC §3.5): recall hits and reflect answers are scanned with the
 * patterns of {@code barriers.pii}. {@code reject} drops a hit or blanks the answer (with an observation
 * saying so), {@code redact} rewrites the PII, {@code warn} only logs ({@code astrocyte.dlp.*}, types only).
 */
public final class OutputDlp {

    /** The observation a blocked reflect answer carries. */
    public static final String BLOCKED_OBSERVATION = "Reflect output blocked by DLP policy: PII detected";

    private static final Logger RECALL_LOG = LoggerFactory.getLogger("astrocyte.dlp.recall_pii_detected");
    private static final Logger REFLECT_LOG = LoggerFactory.getLogger("astrocyte.dlp.reflect_pii_detected");

    private final DlpConfig config;
    private final PiiScanner scanner;

    public OutputDlp(DlpConfig config, PiiConfig pii) {
        this.config = config;
        this.scanner = PiiBarrier.scanner(pii);
    }

    public List<MemoryHit> recall(List<MemoryHit> hits) {
        if (!config.scanRecallOutput()) {
            return hits;
        }
        List<MemoryHit> out = new ArrayList<>(hits.size());
        for (MemoryHit h : hits) {
            List<PiiMatch> found = scanner.scan(h.text());
            if (found.isEmpty()) {
                out.add(h);
                continue;
            }
            RECALL_LOG.info("bank={} memory={} types={} action={}", h.bankId(), h.memoryId(), types(found),
                    config.outputPiiAction().name().toLowerCase(java.util.Locale.ROOT));
            switch (config.outputPiiAction()) {
                case REJECT -> { }
                case REDACT -> out.add(h.withText(redact(h.text(), found)));
                case WARN -> out.add(h);
            }
        }
        return out;
    }

    public ReflectResult reflect(ReflectResult r) {
        if (!config.scanReflectOutput() || r.answer() == null) {
            return r;
        }
        List<PiiMatch> found = scanner.scan(r.answer());
        if (found.isEmpty()) {
            return r;
        }
        REFLECT_LOG.info("types={} action={}", types(found),
                config.outputPiiAction().name().toLowerCase(java.util.Locale.ROOT));
        if (config.outputPiiAction() == Action.WARN) {
            return r;
        }
        List<String> observations = new ArrayList<>(r.observations());
        String answer;
        if (config.outputPiiAction() == Action.REJECT) {
            answer = "";
            observations.add(BLOCKED_OBSERVATION);
        } else {
            answer = redact(r.answer(), found);
        }
        return new ReflectResult(answer, r.confidence(), r.sources(), observations, r.authorityContext());
    }

    private static String redact(String text, List<PiiMatch> found) {
        return PiiScanner.redact(text, found, PiiMatch::replacement);
    }

    private static Set<String> types(List<PiiMatch> found) {
        Set<String> t = new LinkedHashSet<>();
        found.forEach(m -> t.add(m.type()));
        return t;
    }
}
