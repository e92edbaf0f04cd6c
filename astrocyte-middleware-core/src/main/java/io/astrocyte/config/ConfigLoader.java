package io.astrocyte.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.astrocyte.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code astrocyte.yaml} into {@link AstrocyteConfig} (SPEC §7): YAML → {@code ${VAR}} and
 * {@code ${VAR:-default}} substitution → typed records with SPEC defaults → validation.
 *
 * <p>Every problem is a {@link ConfigException} that names the file and key: an unreadable or malformed
 * file, an unknown key, a key of the SPEC that this version does not support yet, a value out of range,
 * or an unresolved variable in a secret-like key ({@code *key*}, {@code *secret*}, {@code *password*},
 * {@code *token*}, {@code *dsn*}, {@code *credential*}). Unresolved variables elsewhere stay literal.
 */
public final class ConfigLoader {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)(?::-([^}]*))?}");
    private static final Pattern SENSITIVE = Pattern.compile(
            "(^|[_.-])(key|apikey|secret|password|passwd|token|dsn|credential|credentials)($|[_.-])",
            Pattern.CASE_INSENSITIVE);

    /**
     * SPEC §7 keys that later work fills in. Naming one is an error rather than being silently ignored,
     * so nobody believes a policy is on when it is not.
     */
    private static final List<String> NOT_YET_SUPPORTED = List.of(
            "fallback_strategy", "provider", "provider_config",
            "graph_store", "graph_store_config", "document_store", "document_store_config", "wiki_store",
            "wiki_store_config", "mental_model_store", "mental_model_store_config", "source_store",
            "source_store_config", "observability.otel_enabled", "observability.prometheus_enabled",
            "observability.log_level", "identity.jwt_middleware",
            "sources", "deployment", "signal_quality.quality_scoring",
            "memory_export_sinks", "outbound_transport", "evaluation", "multi_bank", "bank_templates");

    private static final ObjectMapper YAML = YAMLMapper.builder().build();
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new JavaTimeModule())
            .build();

    private final Function<String, String> environment;

    /** @param environment looks up a variable; returns {@code null} when unset */
    public ConfigLoader(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    public AstrocyteConfig load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | SecurityException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e, e);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("malformed config file " + path + ": " + e.getOriginalMessage()
                    + locationOf(e), e);
        }
        return bind(tree, path.toString());
    }

    /** Binds a map shaped like the YAML file, e.g. from Spring properties or tests. */
    public AstrocyteConfig fromMap(Map<String, ?> map) {
        return fromMap(map, "config map");
    }

    /** @param origin what errors name as the source of the values, e.g. {@code astrocyte.* properties} */
    public AstrocyteConfig fromMap(Map<String, ?> map, String origin) {
        return bind(YAML.valueToTree(map), origin);
    }

    private AstrocyteConfig bind(JsonNode tree, String origin) {
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return AstrocyteConfig.defaultConfig();
        }
        if (!tree.isObject()) {
            throw new ConfigException(origin + ": the top level must be a mapping of keys");
        }
        tree = withProfiles((ObjectNode) tree, origin);
        withBankPolicies((ObjectNode) tree, origin);
        for (String reserved : NOT_YET_SUPPORTED) {
            if (!tree.at("/" + reserved.replace('.', '/')).isMissingNode()) {
                throw new ConfigException(origin + ": config key '" + reserved
                        + "' is part of the Astrocyte spec but not supported by this version yet");
            }
        }
        substitute((ObjectNode) tree, "");
        try {
            return BINDER.treeToValue(tree, AstrocyteConfig.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String parent = path(e).contains(".") ? path(e).substring(0, path(e).lastIndexOf('.') + 1) : "";
            throw new ConfigException(origin + ": unknown config key '" + path(e) + "'"
                    + NearestName.in(e.getPropertyName(), known)
                            .map(n -> " (did you mean '" + parent + n + "'?)").orElse(""), e);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ConfigException ce) {
                throw new ConfigException(origin + ": " + ce.getMessage(), ce);
            }
            throw new ConfigException(origin + ": invalid value at '" + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new ConfigException(origin + ": invalid value at '" + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConfigException(origin + ": " + e.getMessage(), e);
        }
    }

    /** The built-in profiles (SPEC §6.3). */
    public static final List<String> PROFILES = List.of("support", "coding", "personal", "research", "minimal");
    /** The built-in compliance profiles (SPEC §6.3). */
    public static final List<String> COMPLIANCE_PROFILES = List.of("gdpr", "hipaa", "pdpa");

    /**
     * Applies {@code compliance_profile} and {@code profile}: compliance first, the profile over it, the
     * user's own keys over both. Maps merge key by key; scalars and lists replace.
     */
    private static ObjectNode withProfiles(ObjectNode user, String origin) {
        JsonNode profile = user.remove("profile");
        JsonNode compliance = user.remove("compliance_profile");
        if (profile == null && compliance == null) {
            return user;
        }
        ObjectNode merged = YAML.createObjectNode();
        if (compliance != null && !compliance.isNull()) {
            merge(merged, resource(origin, "compliance_profile", "compliance/", compliance.asText(), COMPLIANCE_PROFILES));
        }
        if (profile != null && !profile.isNull()) {
            merge(merged, resource(origin, "profile", "", profile.asText(), PROFILES));
        }
        merge(merged, user);
        return merged;
    }

    /** The sections a bank may override (SPEC §7: global → bank profile → bank block). */
    private static final List<String> BANK_SECTIONS = List.of("homeostasis", "barriers", "signal_quality",
            "lifecycle");

    /**
     * Resolves {@code banks.<id>.profile|homeostasis|barriers|signal_quality} at load, so each bank carries complete
     * sections: the global ones, the bank's profile over them, the bank's own block over that.
     */
    private static void withBankPolicies(ObjectNode root, String origin) {
        JsonNode banks = root.get("banks");
        if (banks == null || !banks.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = banks.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> bank = it.next();
            if (!bank.getValue().isObject()) {
                continue;
            }
            ObjectNode b = (ObjectNode) bank.getValue();
            JsonNode profile = b.get("profile");
            boolean overrides = profile != null || BANK_SECTIONS.stream().anyMatch(b::has);
            if (!overrides) {
                continue;
            }
            ObjectNode effective = YAML.createObjectNode();
            for (String section : BANK_SECTIONS) {
                if (root.get(section) instanceof ObjectNode global) {
                    effective.set(section, global.deepCopy());
                }
            }
            if (profile != null && !profile.isNull()) {
                ObjectNode p = resource(origin, "banks." + bank.getKey() + ".profile", "", profile.asText(), PROFILES);
                for (String section : BANK_SECTIONS) {
                    if (p.get(section) instanceof ObjectNode part) {
                        ObjectNode into = effective.get(section) instanceof ObjectNode o ? o : effective.putObject(section);
                        merge(into, part);
                    }
                }
            }
            for (String section : BANK_SECTIONS) {
                if (b.get(section) instanceof ObjectNode own) {
                    ObjectNode into = effective.get(section) instanceof ObjectNode o ? o : effective.putObject(section);
                    merge(into, own);
                }
            }
            for (String section : BANK_SECTIONS) {
                b.set(section, effective.has(section) ? effective.get(section) : YAML.createObjectNode());
            }
        }
    }

    private static ObjectNode resource(String origin, String key, String folder, String name, List<String> known) {
        if (!known.contains(name)) {
            throw new ConfigException(origin + ": " + key + " '" + name + "' is not one of " + String.join(", ", known));
        }
        try (java.io.InputStream in = ConfigLoader.class.getResourceAsStream("/io/astrocyte/profiles/" + folder + name
                + ".yaml")) {
            if (in == null) {
                throw new ConfigException(origin + ": " + key + " '" + name + "' is missing from the classpath");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException(origin + ": cannot read " + key + " '" + name + "': " + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode existing = into.get(f.getKey());
            if (existing != null && existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) f.getValue());
            } else {
                into.set(f.getKey(), f.getValue().deepCopy());
            }
        }
    }

    private void substitute(ObjectNode node, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                substitute((ObjectNode) value, key);
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode element = value.get(i);
                    if (element.isObject()) {
                        substitute((ObjectNode) element, key + "[" + i + "]");
                    } else if (element.isTextual()) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) value).set(i,
                                new TextNode(resolve(key, field.getKey(), element.asText())));
                    }
                }
            } else if (value.isTextual()) {
                field.setValue(new TextNode(resolve(key, field.getKey(), value.asText())));
            }
        }
    }

    private String resolve(String path, String key, String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                if (SENSITIVE.matcher(key).find()) {
                    throw new ConfigException("config key '" + path + "' needs environment variable "
                            + m.group(1) + ", which is not set");
                }
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
