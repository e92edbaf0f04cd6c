package io.astrocyte.routing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.astrocyte.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks a {@code mip.yaml} (SPEC §6.2). {@code ${VAR}} in values is replaced from the environment
 * (left as written when unset). Everything a rule says is either understood or refused: unknown keys, fields and
 * operators, a duplicate name, {@code override} with {@code escalate}, a {@code pipeline} without {@code version}
 * or without a {@code content_type} condition, more than five promoted metadata keys, a bad {@code tie_breaker}
 * or date each fail with a {@link ConfigException} naming the rule and its line. Unknown keys inside a
 * {@code pipeline} are the one exception (a newer file on an older reader): kept, logged and reported by lint.
 */
public final class MipLoader {

    private static final Logger LOG = LoggerFactory.getLogger(MipLoader.class);
    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> TOP = Set.of("version", "banks", "rules", "intent_policy", "tie_breaker");
    private static final Set<String> RULE = Set.of("name", "priority", "override", "shadow", "active_from",
            "active_until", "observability_tags", "match", "action", "description");
    private static final Set<String> ACTION = Set.of("bank", "tags", "retain_policy", "escalate", "confidence",
            "pipeline", "forget");
    private static final Set<String> PIPELINE = Set.of("version", "preset", "chunker", "dedup", "rerank", "reflect",
            "temporal_half_life_days");
    private static final List<String> RETAIN_POLICIES = List.of("default", "redact_before_store", "reject");
    static final List<String> TIE_BREAKERS = List.of("first", "error", "most_specific");

    private final Function<String, String> environment;

    /** @param environment looks up {@code ${VAR}} values; {@code null} when unset */
    public MipLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public static MipLoader withSystemEnvironment() {
        return new MipLoader(System::getenv);
    }

    public MipConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | SecurityException e) {
            throw new ConfigException("mip_config_path: cannot read " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /** @param origin what errors name as the file, e.g. its path */
    public MipConfig parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(origin + ": malformed YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new ConfigException(origin + ": the top level must be a mapping");
        }
        substitute(root);
        List<Integer> lines = ruleLines(yaml);
        return new Reader(origin, lines).config((ObjectNode) root);
    }

    private void substitute(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(resolve(e.getValue().asText())));
                } else {
                    substitute(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, TextNode.valueOf(resolve(a.get(i).asText())));
                } else {
                    substitute(a.get(i));
                }
            }
        }
    }

    private String resolve(String s) {
        Matcher m = VAR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = environment.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The line of each element of the top-level {@code rules} list, from a streaming pass over the text. */
    private static List<Integer> ruleLines(String yaml) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            int depth = 0;
            boolean inRules = false;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> field = depth == 1 ? p.currentName() : field;
                    case START_OBJECT, START_ARRAY -> {
                        if (depth == 1 && t == JsonToken.START_ARRAY && "rules".equals(field)) {
                            inRules = true;
                        } else if (inRules && depth == 2 && t == JsonToken.START_OBJECT) {
                            lines.add(p.currentTokenLocation().getLineNr());
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            inRules = false;
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            // the tree parse already succeeded; without lines, errors just name the rule
        }
        return lines;
    }

    /** One pass over one file, so errors can say where they are. */
    private static final class Reader {
        private final String origin;
        private final List<Integer> lines;
        private String where = "";

        Reader(String origin, List<Integer> lines) {
            this.origin = origin;
            this.lines = lines;
        }

        private ConfigException error(String message) {
            return new ConfigException(origin + ": " + where + message);
        }

        MipConfig config(ObjectNode root) {
            unknown(root, TOP, "");
            String version = root.hasNonNull("version") ? root.get("version").asText() : "1.0";
            List<MipConfig.Bank> banks = new ArrayList<>();
            for (JsonNode b : list(root.get("banks"), "banks")) {
                if (!b.hasNonNull("id")) {
                    throw error("banks: every bank needs an id");
                }
                banks.add(new MipConfig.Bank(b.get("id").asText(), text(b, "description"), strings(b.get("access"),
                        "banks.access"), text(b, "compliance")));
            }
            List<MipConfig.Rule> rules = new ArrayList<>();
            Set<String> names = new HashSet<>();
            List<JsonNode> ruleNodes = list(root.get("rules"), "rules");
            for (int i = 0; i < ruleNodes.size(); i++) {
                int line = i < lines.size() ? lines.get(i) : 0;
                JsonNode r = ruleNodes.get(i);
                String name = r.hasNonNull("name") ? r.get("name").asText() : null;
                where = "rule " + (name == null ? "#" + (i + 1) : "'" + name + "'") + (line > 0 ? " (line " + line + ")" : "")
                        + ": ";
                if (name == null || name.isBlank()) {
                    throw error("every rule needs a name");
                }
                if (!names.add(name)) {
                    throw error("Duplicate rule names: '" + name + "' is used twice");
                }
                rules.add(rule(r, name, line));
            }
            where = "";
            MipConfig.IntentPolicy policy = root.hasNonNull("intent_policy") ? intentPolicy(root.get("intent_policy"))
                    : null;
            String tie = root.hasNonNull("tie_breaker") ? root.get("tie_breaker").asText() : "first";
            if (!TIE_BREAKERS.contains(tie)) {
                throw error("tie_breaker must be one of " + TIE_BREAKERS + ", got '" + tie + "'");
            }
            return new MipConfig(version, banks, rules, policy, tie);
        }

        private MipConfig.Rule rule(JsonNode r, String name, int line) {
            unknown(r, RULE, "");
            int priority = r.has("priority") ? integer(r.get("priority"), "priority") : 100;
            boolean override = bool(r, "override");
            boolean shadow = bool(r, "shadow");
            Instant from = instant(r, "active_from");
            Instant until = instant(r, "active_until");
            if (!r.has("match")) {
                throw error("match is required (use 'all: []' to match everything)");
            }
            Condition match = block(r.get("match"), "match");
            if (!r.hasNonNull("action") || !r.get("action").isObject()) {
                throw error("action is required");
            }
            MipConfig.Action action = action(r.get("action"), match);
            if (override && action.escalate()) {
                throw error("a rule cannot be both override=true and escalate=mip: an override decides on its own");
            }
            return new MipConfig.Rule(name, priority, override, shadow, from, until,
                    strings(r.get("observability_tags"), "observability_tags"), match, action, line);
        }

        private MipConfig.Action action(JsonNode a, Condition match) {
            unknown(a, ACTION, "action.");
            String bank = text(a, "bank");
            if (bank != null) {
                String problem = Templates.checkBankTemplate(bank);
                if (problem != null) {
                    throw error("action.bank '" + bank + "': " + problem);
                }
            }
            List<String> tags = a.has("tags") ? strings(a.get("tags"), "action.tags") : null;
            String policy = text(a, "retain_policy");
            if ("encrypt".equals(policy)) {
                throw error("action.retain_policy 'encrypt' is not supported yet: there is no field encryption to apply");
            }
            if (policy != null && !RETAIN_POLICIES.contains(policy)) {
                throw error("action.retain_policy must be one of " + RETAIN_POLICIES + ", got '" + policy + "'");
            }
            boolean escalate = false;
            if (a.hasNonNull("escalate")) {
                String e = a.get("escalate").asText();
                if (e.equals("mip")) {
                    escalate = true;
                } else if (!e.equals("none") && !e.equals("false")) {
                    throw error("action.escalate must be 'mip' or 'none', got '" + e + "'");
                }
            }
            double confidence = 1.0;
            if (a.hasNonNull("confidence")) {
                if (!a.get("confidence").isNumber() || a.get("confidence").asDouble() < 0 || a.get("confidence").asDouble() > 1) {
                    throw error("action.confidence must be a number from 0 to 1");
                }
                confidence = a.get("confidence").asDouble();
            }
            PipelineSpec pipeline = a.hasNonNull("pipeline") ? pipeline(a.get("pipeline"), match) : null;
            ForgetSpec forget = a.hasNonNull("forget") ? forget(a.get("forget")) : null;
            return new MipConfig.Action(bank, tags, policy, escalate, confidence, pipeline, forget);
        }

        private PipelineSpec pipeline(JsonNode p, Condition match) {
            if (!p.has("version")) {
                throw error("pipeline.version is required");
            }
            if (!p.get("version").isIntegralNumber()) {
                throw error("pipeline.version must be an integer, got " + p.get("version"));
            }
            if (!MipConfig.mentions(match, "content_type")) {
                throw error("a pipeline needs a content_type condition in the rule's match, so it applies to one kind"
                        + " of content");
            }
            List<String> unknownKeys = new ArrayList<>();
            p.fieldNames().forEachRemaining(k -> {
                if (!PIPELINE.contains(k)) {
                    unknownKeys.add(k);
                }
            });
            if (!unknownKeys.isEmpty()) {
                LOG.warn("{}: {}pipeline keys {} are not known to this version and have no effect", origin, where,
                        unknownKeys);
            }
            String presetName = text(p, "preset");
            PipelineSpec base = null;
            if (presetName != null) {
                base = PipelineSpec.preset(presetName);
                if (base == null) {
                    throw error("pipeline.preset must be one of " + PipelineSpec.PRESETS + ", got '" + presetName + "'");
                }
            }
            PipelineSpec.Chunker chunker = base == null ? null : base.chunker();
            if (p.hasNonNull("chunker")) {
                JsonNode c = p.get("chunker");
                unknown(c, Set.of("strategy", "max_size", "overlap"), "pipeline.chunker.");
                if (c.hasNonNull("strategy")
                        && !List.of("sentence", "paragraph", "dialogue", "fixed").contains(c.get("strategy").asText())) {
                    throw error("pipeline.chunker.strategy must be one of sentence, paragraph, dialogue, fixed, got "
                            + c.get("strategy"));
                }
                chunker = new PipelineSpec.Chunker(c.hasNonNull("strategy") ? c.get("strategy").asText()
                        : chunker == null ? null : chunker.strategy(),
                        c.hasNonNull("max_size") ? positive(c.get("max_size"), "pipeline.chunker.max_size")
                                : chunker == null ? null : chunker.maxSize(),
                        c.hasNonNull("overlap") ? integer(c.get("overlap"), "pipeline.chunker.overlap")
                                : chunker == null ? null : chunker.overlap());
            }
            PipelineSpec.Dedup dedup = base == null ? null : base.dedup();
            if (p.hasNonNull("dedup")) {
                JsonNode d = p.get("dedup");
                unknown(d, Set.of("threshold", "action"), "pipeline.dedup.");
                if (d.hasNonNull("action") && !List.of("skip", "skip_chunk", "warn", "update")
                        .contains(d.get("action").asText())) {
                    throw error("pipeline.dedup.action must be one of skip, skip_chunk, warn, update, got "
                            + d.get("action"));
                }
                dedup = new PipelineSpec.Dedup(d.hasNonNull("threshold") ? unit(d.get("threshold"), "pipeline.dedup.threshold")
                        : dedup == null ? null : dedup.threshold(),
                        d.hasNonNull("action") ? d.get("action").asText() : dedup == null ? null : dedup.action());
            }
            PipelineSpec.Rerank rerank = base == null ? null : base.rerank();
            if (p.hasNonNull("rerank")) {
                JsonNode r = p.get("rerank");
                unknown(r, Set.of("keyword_weight", "proper_noun_weight"), "pipeline.rerank.");
                rerank = new PipelineSpec.Rerank(
                        r.hasNonNull("keyword_weight") ? number(r.get("keyword_weight"), "pipeline.rerank.keyword_weight") : null,
                        r.hasNonNull("proper_noun_weight")
                                ? number(r.get("proper_noun_weight"), "pipeline.rerank.proper_noun_weight") : null);
            }
            PipelineSpec.Reflect reflect = base == null ? null : base.reflect();
            if (p.hasNonNull("reflect")) {
                JsonNode r = p.get("reflect");
                unknown(r, Set.of("prompt", "promote_metadata"), "pipeline.reflect.");
                List<String> promote = r.has("promote_metadata") ? strings(r.get("promote_metadata"),
                        "pipeline.reflect.promote_metadata") : reflect == null ? null : reflect.promoteMetadata();
                if (promote != null && promote.size() > 5) {
                    throw error("pipeline.reflect.promote_metadata is capped at 5 entries, got " + promote.size());
                }
                if (r.hasNonNull("prompt") && !List.of("default", "temporal_aware", "evidence_strict")
                        .contains(r.get("prompt").asText())) {
                    throw error("pipeline.reflect.prompt must be one of default, temporal_aware, evidence_strict, got "
                            + r.get("prompt"));
                }
                reflect = new PipelineSpec.Reflect(r.hasNonNull("prompt") ? r.get("prompt").asText()
                        : reflect == null ? null : reflect.prompt(), promote);
            }
            Double halfLife = null;
            if (p.hasNonNull("temporal_half_life_days")) {
                JsonNode h = p.get("temporal_half_life_days");
                if (!h.isNumber() || h.asDouble() <= 0) {
                    throw error("pipeline.temporal_half_life_days must be a positive number, got " + h);
                }
                halfLife = h.asDouble();
            }
            return new PipelineSpec(p.get("version").asInt(), presetName, chunker, dedup, rerank, reflect, halfLife,
                    unknownKeys);
        }

        private ForgetSpec forget(JsonNode f) {
            unknown(f, Set.of("version", "preset", "mode", "audit", "cascade", "respect_legal_hold", "min_age_days",
                    "max_per_call"), "forget.");
            if (!f.has("version")) {
                throw error("forget.version is required");
            }
            if (!f.get("version").isIntegralNumber()) {
                throw error("forget.version must be an integer, got " + f.get("version"));
            }
            ForgetSpec base = null;
            if (f.hasNonNull("preset")) {
                base = ForgetSpec.preset(f.get("preset").asText());
                if (base == null) {
                    throw error("forget.preset must be one of " + ForgetSpec.PRESETS + ", got '" + f.get("preset").asText()
                            + "'");
                }
            }
            String mode = f.hasNonNull("mode") ? f.get("mode").asText() : base == null ? "soft" : base.mode();
            if (!ForgetSpec.MODES.contains(mode)) {
                throw error("forget.mode must be one of " + ForgetSpec.MODES + ", got '" + mode + "'");
            }
            String audit = f.hasNonNull("audit") ? f.get("audit").asText() : base == null ? null : base.audit();
            if (audit != null && !audit.equals("required") && !audit.equals("optional")) {
                throw error("forget.audit must be 'required' or 'optional', got '" + audit + "'");
            }
            if (mode.equals("hard") && !"required".equals(audit)) {
                throw error("forget.mode hard needs audit: required (a purge must leave a record)");
            }
            Integer minAge = base == null ? null : base.minAgeDays();
            if (f.hasNonNull("min_age_days")) {
                if (!f.get("min_age_days").isIntegralNumber() || f.get("min_age_days").asInt() < 0) {
                    throw error("forget.min_age_days must be a non-negative integer, got " + f.get("min_age_days"));
                }
                minAge = f.get("min_age_days").asInt();
            }
            Integer maxPerCall = f.hasNonNull("max_per_call") ? positive(f.get("max_per_call"), "forget.max_per_call")
                    : base == null ? null : base.maxPerCall();
            Boolean cascade = f.hasNonNull("cascade") ? Boolean.valueOf(bool(f, "cascade"))
                    : base == null ? null : base.cascade();
            Boolean hold = f.hasNonNull("respect_legal_hold") ? Boolean.valueOf(bool(f, "respect_legal_hold"))
                    : base == null ? null : base.respectLegalHold();
            return new ForgetSpec(f.get("version").asInt(), mode, audit, cascade, hold, minAge, maxPerCall);
        }

        private MipConfig.IntentPolicy intentPolicy(JsonNode p) {
            where = "intent_policy: ";
            unknown(p, Set.of("escalate_when", "model_context", "constraints"), "");
            List<MipConfig.EscalateWhen> when = new ArrayList<>();
            for (JsonNode w : list(p.get("escalate_when"), "escalate_when")) {
                if (w.has("matched_rules")) {
                    when.add(new MipConfig.EscalateWhen(integer(w.get("matched_rules"), "escalate_when.matched_rules"),
                            null, null));
                } else if (w.has("confidence")) {
                    JsonNode c = w.get("confidence");
                    if (!c.has("lt") || !c.get("lt").isNumber()) {
                        throw error("escalate_when.confidence needs {lt: number}");
                    }
                    when.add(new MipConfig.EscalateWhen(null, c.get("lt").asDouble(), null));
                } else if (w.has("conflicting_rules")) {
                    when.add(new MipConfig.EscalateWhen(null, null, bool(w, "conflicting_rules")));
                } else {
                    throw error("escalate_when entries are matched_rules, confidence or conflicting_rules, got " + w);
                }
            }
            Object context = null;
            if (p.hasNonNull("model_context")) {
                context = p.get("model_context").isTextual() ? p.get("model_context").asText()
                        : YAML.convertValue(p.get("model_context"), Object.class);
            }
            MipConfig.Constraints constraints = null;
            if (p.hasNonNull("constraints")) {
                JsonNode c = p.get("constraints");
                unknown(c, Set.of("cannot_override", "must_justify", "max_tokens"), "constraints.");
                constraints = new MipConfig.Constraints(strings(c.get("cannot_override"), "constraints.cannot_override"),
                        bool(c, "must_justify"), c.hasNonNull("max_tokens") ? positive(c.get("max_tokens"),
                                "constraints.max_tokens") : null);
            }
            where = "";
            return new MipConfig.IntentPolicy(when, context, constraints);
        }

        /** A match block: a mapping whose keys are field tests and {@code all / any / none}, combined with AND. */
        private Condition block(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return new Condition.All(List.of());
            }
            if (node.isArray()) {
                return new Condition.All(items(node, path));
            }
            if (!node.isObject()) {
                throw error(path + " must be a mapping of conditions, got " + node);
            }
            List<Condition> parts = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                switch (e.getKey()) {
                    case "all" -> parts.add(new Condition.All(items(e.getValue(), path + ".all")));
                    case "any" -> {
                        List<Condition> any = items(e.getValue(), path + ".any");
                        if (!any.isEmpty()) { // an empty or null any is no constraint, as lint reports
                            parts.add(new Condition.Any(any));
                        }
                    }
                    case "none" -> parts.add(new Condition.None(items(e.getValue(), path + ".none")));
                    default -> parts.add(field(e.getKey(), e.getValue(), path));
                }
            }
            return parts.size() == 1 && parts.get(0) instanceof Condition.All a ? a : new Condition.All(parts);
        }

        private List<Condition> items(JsonNode node, String path) {
            List<Condition> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray()) {
                throw error(path + " must be a list of conditions, got " + node);
            }
            for (JsonNode item : node) {
                Condition c = block(item, path);
                // a one-test item reads better as the test itself than as all[test]
                out.add(c instanceof Condition.All a && a.parts().size() == 1 ? a.parts().get(0) : c);
            }
            return out;
        }

        private Condition field(String field, JsonNode v, String path) {
            if (!Fields.isKnown(field)) {
                throw error(path + ": unknown field '" + field + "' (fields: content_type, source, pii_detected, tags,"
                        + " content, metadata.<key>, signals.<key>, principal_type, principal_id, principal_upn,"
                        + " principal_app_id, principal.<type|id|upn|app_id|oid_or_app_id>)");
            }
            if (v == null || v.isNull()) {
                throw error(path + "." + field + " needs a value");
            }
            if (v.isTextual() && (v.asText().equals("present") || v.asText().equals("absent"))) {
                return new Condition.Field(field, v.asText().equals("present") ? Condition.Op.PRESENT
                        : Condition.Op.ABSENT, null);
            }
            if (v.isArray()) {
                return new Condition.Field(field, Condition.Op.IN, scalars(v, path + "." + field));
            }
            if (!v.isObject()) {
                return new Condition.Field(field, Condition.Op.EQ, scalar(v));
            }
            List<Condition> tests = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = path + "." + field + "." + e.getKey();
                Condition.Op op;
                try {
                    op = Condition.Op.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw error(where + ": unknown operator (operators: eq, in, gt, gte, lt, lte, present, absent)");
                }
                switch (op) {
                    case IN -> tests.add(new Condition.Field(field, op, scalars(e.getValue(), where)));
                    case GT, GTE, LT, LTE -> {
                        if (!e.getValue().isNumber()) {
                            throw error(where + " must be a number, got " + e.getValue());
                        }
                        tests.add(new Condition.Field(field, op, e.getValue().numberValue()));
                    }
                    case PRESENT, ABSENT -> {
                        boolean yes = e.getValue().isNull() || e.getValue().asBoolean(true);
                        tests.add(new Condition.Field(field, yes == (op == Condition.Op.PRESENT) ? Condition.Op.PRESENT
                                : Condition.Op.ABSENT, null));
                    }
                    default -> tests.add(new Condition.Field(field, op, scalar(e.getValue())));
                }
            }
            if (tests.isEmpty()) {
                throw error(path + "." + field + " needs an operator");
            }
            return tests.size() == 1 ? tests.get(0) : new Condition.All(tests);
        }

        private List<Object> scalars(JsonNode v, String where) {
            if (!v.isArray()) {
                throw error(where + " must be a list");
            }
            List<Object> out = new ArrayList<>();
            v.forEach(x -> out.add(scalar(x)));
            return out;
        }

        private Object scalar(JsonNode v) {
            if (v.isNumber()) {
                return v.numberValue();
            }
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            if (v.isTextual()) {
                return v.asText();
            }
            throw error("a condition value must be a string, number or boolean, got " + v);
        }

        private void unknown(JsonNode node, Set<String> known, String prefix) {
            if (!node.isObject()) {
                throw error(prefix.isEmpty() ? "expected a mapping, got " + node : prefix + " must be a mapping");
            }
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!known.contains(k)) {
                    throw error("unknown key '" + prefix + k + "' (known: " + String.join(", ", new java.util.TreeSet<>(known))
                            + ")");
                }
            }
        }

        private List<JsonNode> list(JsonNode node, String what) {
            List<JsonNode> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray()) {
                throw error(what + " must be a list");
            }
            node.forEach(out::add);
            return out;
        }

        private List<String> strings(JsonNode node, String what) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : list(node, what)) {
                if (!n.isValueNode()) {
                    throw error(what + " must be a list of strings");
                }
                out.add(n.asText());
            }
            return out;
        }

        private static String text(JsonNode n, String key) {
            return n.hasNonNull(key) ? n.get(key).asText() : null;
        }

        private boolean bool(JsonNode n, String key) {
            if (!n.hasNonNull(key)) {
                return false;
            }
            if (!n.get(key).isBoolean()) {
                throw error(key + " must be true or false, got " + n.get(key));
            }
            return n.get(key).booleanValue();
        }

        private Integer integer(JsonNode n, String what) {
            if (!n.isIntegralNumber()) {
                throw error(what + " must be an integer, got " + n);
            }
            return n.asInt();
        }

        private Integer positive(JsonNode n, String what) {
            int v = integer(n, what);
            if (v <= 0) {
                throw error(what + " must be positive, got " + v);
            }
            return v;
        }

        private Double number(JsonNode n, String what) {
            if (!n.isNumber()) {
                throw error(what + " must be a number, got " + n);
            }
            return n.asDouble();
        }

        private Double unit(JsonNode n, String what) {
            double v = number(n, what);
            if (v < 0 || v > 1) {
                throw error(what + " must be between 0 and 1, got " + v);
            }
            return v;
        }

        private Instant instant(JsonNode r, String key) {
            if (!r.hasNonNull(key)) {
                return null;
            }
            String s = r.get(key).asText();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e2) {
                    throw error(key + " must be an ISO-8601 datetime with an offset, e.g. 2026-01-01T00:00:00Z, got '"
                            + s + "'");
                }
            }
        }
    }
}
