package io.astrocyte.spring.boot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.astrocyte.ConfigException;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds the {@link AstrocyteConfig} from Spring: the optional {@code astrocyte.config-file}, then every
 * {@code astrocyte.*} property that is not one of the starter's own keys over it, then the Qdrant
 * connection when there is one. The result goes through the core {@link ConfigLoader}, so profiles,
 * {@code ${VAR}} substitution (resolved against the Spring environment), validation and error messages are
 * the same as for {@code astrocyte.yaml}.
 */
final class SpringConfigSource {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private SpringConfigSource() {
    }

    static AstrocyteConfig load(Environment environment, ResourceLoader resources, AstrocyteProperties properties,
            QdrantConnectionDetails qdrant) {
        PropertyKeyCheck.check(environment);
        Map<String, Object> tree = tree(environment, resources, properties, qdrant);
        return new ConfigLoader(environment::getProperty).fromMap(tree, "astrocyte.* properties"
                + (properties.getConfigFile() == null || properties.getConfigFile().isBlank() ? ""
                        : " over " + properties.getConfigFile()));
    }

    static Map<String, Object> tree(Environment environment, ResourceLoader resources,
            AstrocyteProperties properties, QdrantConnectionDetails qdrant) {
        Map<String, Object> tree = new LinkedHashMap<>();
        if (properties.getConfigFile() != null && !properties.getConfigFile().isBlank()) {
            tree.putAll(readFile(resources, properties.getConfigFile()));
        }
        Map<String, Object> bound = new LinkedHashMap<>(Binder.get(environment)
                .bind("astrocyte", Bindable.mapOf(String.class, Object.class)).orElse(Map.of()));
        bound.keySet().removeIf(k -> AstrocyteProperties.OWN_KEYS.stream()
                .anyMatch(own -> ConfigSchema.canonical(own).equals(ConfigSchema.canonical(k))));
        merge(tree, ConfigSchema.normalize(bound));
        if (qdrant != null) {
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("host", qdrant.host());
            store.put("port", qdrant.port());
            store.put("tls", qdrant.tls());
            if (qdrant.apiKey() != null) {
                store.put("api_key", qdrant.apiKey());
            }
            if (properties.getQdrant().getCollection() != null) {
                store.put("collection", properties.getQdrant().getCollection());
            }
            store.putAll(properties.getQdrant().storeSettings());
            tree.put("vector_store", "qdrant");
            merge(tree, Map.of("vector_store_config", store));
        }
        return tree;
    }

    private static Map<String, Object> readFile(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location.contains(":") ? location : "file:" + location);
        if (!resource.exists()) {
            throw new ConfigException("astrocyte.config-file: " + location + " does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> map = YAML.readValue(in, new TypeReference<Map<String, Object>>() { });
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new ConfigException("astrocyte.config-file: cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    /** Maps merge key by key; anything else replaces. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> base, Map<String, Object> over) {
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object existing = base.get(e.getKey());
            if (existing instanceof Map<?, ?> a && e.getValue() instanceof Map<?, ?> b) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) a);
                merge(merged, (Map<String, Object>) b);
                base.put(e.getKey(), merged);
            } else {
                base.put(e.getKey(), e.getValue());
            }
        }
    }
}
