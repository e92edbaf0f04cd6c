package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * IDE completion for the whole {@code astrocyte.*} tree. The starter's own keys get metadata from the
 * configuration processor; the astrocyte.yaml keys come from
 * {@code additional-spring-configuration-metadata.json}, which this test derives from the core's config
 * records (names, types, defaults, enum values) and the {@code @param} Javadoc of their components
 * (descriptions), and compares with the committed file. After a config change, regenerate it with
 * {@code ./mvnw -pl astrocyte-spring-boot-autoconfigure test -Dtest=ConfigMetadataTest -Dastrocyte.regenerate-metadata=true}.
 */
class ConfigMetadataTest {

    private static final Path ADDITIONAL = Path.of("src/main/resources/META-INF/"
            + "additional-spring-configuration-metadata.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static String kebab(String snakePath) {
        return snakePath.replace('_', '-');
    }

    /** The core's sources, next to this module in the reactor. */
    static final RecordJavadoc JAVADOC = new RecordJavadoc(Path.of("../astrocyte-middleware-core/src/main/java"));

    static ObjectNode expected() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        ArrayNode hints = root.putArray("hints");
        addLeaf(properties, hints, "profile", "java.lang.String", null,
                "Built-in policy profile applied under your own keys.", ConfigLoader.PROFILES);
        addLeaf(properties, hints, "compliance_profile", "java.lang.String", null,
                "Built-in compliance profile applied first.", ConfigLoader.COMPLIANCE_PROFILES);
        AstrocyteConfig defaults = AstrocyteConfig.defaultConfig();
        List<String> undocumented = new ArrayList<>();
        ConfigSchema.leaves(AstrocyteConfig.class, "", (path, type, enumValues, component) -> {
            boolean isEnum = !enumValues.isEmpty();
            String typeName = isEnum ? "java.lang.String" : boxed(type.getTypeName().replace(" ", ""));
            String description = JAVADOC.describe(component);
            if (description == null) {
                undocumented.add(path + " (@param " + component.getName() + " of "
                        + component.getDeclaringRecord().getName() + ")");
            }
            addLeaf(properties, hints, path, typeName, defaultValue(defaults, path, isEnum), description, enumValues);
        });
        if (!undocumented.isEmpty()) {
            throw new AssertionError("astrocyte.yaml keys without a description; add the @param Javadoc:\n  "
                    + String.join("\n  ", undocumented));
        }
        return root;
    }

    private static void addLeaf(ArrayNode properties, ArrayNode hints, String snakePath, String type, Object dflt,
            String description, List<String> values) {
        ObjectNode p = properties.addObject();
        p.put("name", "astrocyte." + kebab(snakePath));
        p.put("type", type);
        p.put("description", description);
        if (dflt != null) {
            p.putPOJO("defaultValue", dflt);
        }
        if (!values.isEmpty()) {
            ObjectNode h = hints.addObject();
            h.put("name", "astrocyte." + kebab(snakePath));
            ArrayNode vs = h.putArray("values");
            values.forEach(v -> vs.addObject().put("value", v));
        }
    }

    private static String boxed(String type) {
        return switch (type) {
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            case "double" -> "java.lang.Double";
            case "boolean" -> "java.lang.Boolean";
            default -> type;
        };
    }

    /** The default a scalar leaf has in {@link AstrocyteConfig#defaultConfig()}, if any. */
    private static Object defaultValue(Object root, String path, boolean isEnum) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (current == null || !current.getClass().isRecord()) {
                return null;
            }
            Object next = null;
            for (RecordComponent c : current.getClass().getRecordComponents()) {
                if (ConfigSchema.snake(c.getName()).equals(part)) {
                    try {
                        next = c.getAccessor().invoke(current);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            current = next;
        }
        if (current instanceof Enum<?> e) {
            List<String> values = ConfigSchema.enumValues(e.getDeclaringClass());
            return values.get(e.ordinal());
        }
        return current instanceof String || current instanceof Number || current instanceof Boolean ? current
                : null;
    }

    @Test
    void committedMetadataMatchesTheConfigRecords() throws Exception {
        String expected = JSON.writeValueAsString(expected()) + "\n";
        if (Boolean.getBoolean("astrocyte.regenerate-metadata")) {
            Files.writeString(ADDITIONAL, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(ADDITIONAL, StandardCharsets.UTF_8))
                .as("additional metadata is stale; regenerate it as this class's Javadoc says").isEqualTo(expected);
    }

    @Test
    void generatedMetadataCoversStarterAndSpecKeys() throws Exception {
        JsonNode generated = JSON.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json")
                .toFile());
        Set<String> names = new TreeSet<>();
        List<String> undescribed = new ArrayList<>();
        generated.get("properties").forEach(p -> {
            names.add(p.get("name").asText());
            if (!p.hasNonNull("description") || p.get("description").asText().isBlank()) {
                undescribed.add(p.get("name").asText());
            }
        });
        assertThat(undescribed).as("every astrocyte.* key has a description in the IDE").isEmpty();
        assertThat(names).contains("astrocyte.data-dir", "astrocyte.config-file", "astrocyte.advisor.auto-retain",
                "astrocyte.tools.allow-forget", "astrocyte.qdrant.host", "astrocyte.binding.conversation-id-as-user",
                "astrocyte.spring-ai.embedding-model-id", "astrocyte.chat-memory.enabled",
                // from the additional file, merged by the processor
                "astrocyte.homeostasis.recall-max-tokens", "astrocyte.access-control.default-policy",
                "astrocyte.signal-quality.dedup.similarity-threshold", "astrocyte.barriers.pii.mode",
                "astrocyte.banks", "astrocyte.profile");
        List<String> starterKeysClashingWithSpec = new ArrayList<>();
        for (String own : AstrocyteProperties.OWN_KEYS) {
            for (RecordComponent c : AstrocyteConfig.class.getRecordComponents()) {
                if (ConfigSchema.canonical(c.getName()).equals(ConfigSchema.canonical(own))) {
                    starterKeysClashingWithSpec.add(own);
                }
            }
        }
        assertThat(starterKeysClashingWithSpec).as("starter keys must not shadow astrocyte.yaml keys").isEmpty();
    }
}
