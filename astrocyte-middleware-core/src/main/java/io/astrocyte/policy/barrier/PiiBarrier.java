package io.astrocyte.policy.barrier;

import io.astrocyte.PiiRejectedException;
import io.astrocyte.config.PiiConfig;
import io.astrocyte.config.PiiConfig.Action;
import io.astrocyte.config.PiiConfig.Mode;
import io.astrocyte.spi.LlmProvider;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PII barrier of the retain path (SPEC §3.2): finds personal data by pattern (and by LLM in the LLM
 * modes), then applies each type's action. Any match whose action is {@code reject} refuses the whole
 * content with {@link PiiRejectedException}; {@code redact} matches are replaced right to left, so
 * offsets stay valid; {@code warn} matches are only reported. Reports carry types, never the text.
 */
public final class PiiBarrier {

    private static final Logger LOG = LoggerFactory.getLogger("astrocyte.policy.pii_detected");

    /** The text to store and what was found in it. */
    public record Result(String text, List<String> types, boolean redacted) {

        public boolean detected() {
            return !types.isEmpty();
        }
    }

    private final PiiConfig config;
    private final PiiScanner scanner;
    private final LlmPiiDetector llm;

    public PiiBarrier(PiiConfig config, LlmProvider llm) {
        checkOverrides(config);
        this.config = config;
        this.scanner = scanner(config);
        boolean wantsLlm = config.mode() == Mode.LLM || config.mode() == Mode.RULES_THEN_LLM;
        this.llm = wantsLlm && llm != null ? new LlmPiiDetector(llm) : null;
        if (wantsLlm && llm == null) {
            LOG.warn("barriers.pii.mode {} needs an LLM and none is configured; using patterns only",
                    config.mode().name().toLowerCase(java.util.Locale.ROOT));
        } else if (config.mode() == Mode.NER) {
            LOG.warn("barriers.pii.mode ner: no NER model ships with Astrocyte; using patterns only");
        }
    }

    /**
     * Refuses {@code type_overrides} for a type no pattern reports: such a setting would do nothing, and
     * a compliance rule lost without a word is worse than a failed start. Upstream names are accepted as
     * aliases by {@link PiiConfig}.
     */
    private static void checkOverrides(PiiConfig config) {
        Set<String> known = new java.util.TreeSet<>(PiiCatalog.types());
        known.addAll(LlmPiiDetector.TYPES);
        config.patterns().forEach(p -> known.add(p.name()));
        for (String type : config.typeOverrides().keySet()) {
            if (!known.contains(type)) {
                throw new io.astrocyte.ConfigException("barriers.pii.type_overrides: unknown PII type '" + type + "'"
                        + io.astrocyte.config.NearestName.hint(type, known) + "; known types: "
                        + String.join(", ", known) + "; upstream names " + String.join(", ",
                                PiiConfig.TYPE_ALIASES.keySet().stream().sorted().toList()) + " are accepted too");
            }
        }
    }

    /**
     * The patterns of {@code barriers.pii}: custom patterns, then the named country packs, then the global
     * set. On an identical span the earlier pattern names the type, so an NHS number is reported as
     * {@code uk_nhs} rather than as a phone number of the same shape.
     */
    public static PiiScanner scanner(PiiConfig config) {
        List<PiiPattern> patterns = new ArrayList<>();
        for (PiiConfig.CustomPattern p : config.patterns()) {
            patterns.add(new PiiPattern(p.name(), Pattern.compile(p.pattern()), 0, null, p.replacement()));
        }
        for (String country : config.countries()) {
            patterns.addAll(PiiCatalog.country(country));
        }
        patterns.addAll(PiiCatalog.global());
        return new PiiScanner(patterns);
    }

    /**
     * The PII types the patterns find in {@code text}, whatever the barrier's mode: what routing rules see as
     * {@code pii_detected} before the barrier itself runs (SPEC §6.2 [J]).
     */
    public List<String> patternTypes(String text) {
        return scanner.scan(text).stream().map(PiiMatch::type).distinct().toList();
    }

    /** {@code text} with every pattern match replaced, whatever the per-type actions: MIP's redact_before_store. */
    public String redactAll(String text) {
        return PiiScanner.redact(text, scanner.scan(text), this::replacementFor);
    }

    public boolean enabled() {
        return config.mode() != Mode.DISABLED;
    }

    /**
     * @param bankId for the log event only
     * @throws PiiRejectedException a match's effective action is {@code reject}
     */
    public Result apply(String text, String bankId) {
        if (!enabled()) {
            return new Result(text, List.of(), false);
        }
        List<PiiMatch> matches = find(text, bankId);
        if (matches.isEmpty()) {
            return new Result(text, List.of(), false);
        }
        Set<String> types = new LinkedHashSet<>();
        Set<String> rejected = new LinkedHashSet<>();
        for (PiiMatch m : matches) {
            types.add(m.type());
            if (actionFor(m.type()) == Action.REJECT) {
                rejected.add(m.type());
            }
        }
        if (!rejected.isEmpty()) {
            LOG.info("pii_detected bank={} types={} action=reject", bankId, types);
            throw new PiiRejectedException(List.copyOf(rejected));
        }
        List<PiiMatch> toRedact = matches.stream().filter(m -> actionFor(m.type()) == Action.REDACT).toList();
        boolean redacted = !toRedact.isEmpty();
        String out = PiiScanner.redact(text, toRedact, this::replacementFor);
        LOG.info("pii_detected bank={} types={} action={}", bankId, types, redacted ? "redact" : "warn");
        return new Result(out, List.copyOf(types), redacted);
    }

    private List<PiiMatch> find(String text, String bankId) {
        List<PiiMatch> matches = scanner.scan(text);
        boolean askLlm = llm != null && (config.mode() == Mode.LLM || matches.isEmpty());
        if (!askLlm) {
            return matches;
        }
        try {
            List<PiiMatch> combined = new ArrayList<>(matches);
            combined.addAll(llm.detect(text));
            return PiiScanner.merge(combined);
        } catch (RuntimeException e) {
            LOG.warn("pii LLM check failed for bank {} ({}); the pattern findings apply", bankId, e.getMessage());
            return matches;
        }
    }

    private Action actionFor(String type) {
        PiiConfig.TypeOverride o = config.typeOverrides().get(type);
        return o != null && o.action() != null ? o.action() : config.action();
    }

    private String replacementFor(PiiMatch m) {
        PiiConfig.TypeOverride o = config.typeOverrides().get(m.type());
        return o != null && o.replacement() != null ? o.replacement() : m.replacement();
    }
}
