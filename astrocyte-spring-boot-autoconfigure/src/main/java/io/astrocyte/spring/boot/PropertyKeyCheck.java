package io.astrocyte.spring.boot;

import io.astrocyte.ConfigException;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.config.NearestName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Refuses {@code astrocyte.*} properties that nothing reads. Spring binds the starter's own keys leniently,
 * so {@code astrocyte.advisor.auto-retian=user_facts} would start an app that silently never retains;
 * every key of the starter's groups ({@code advisor}, {@code binding}, …) must therefore be a property of
 * {@link AstrocyteProperties}, and every other top-level key a section of {@code astrocyte.yaml} (whose
 * inner keys the core loader checks). Each refusal names the nearest valid key.
 *
 * <p>Environment variables are not checked: {@code ASTROCYTE_QDRANT_URL} and the like cannot say where
 * words break, are often meant for other tools, and never reach the {@code astrocyte.yaml} tree.
 */
final class PropertyKeyCheck {

    private PropertyKeyCheck() {
    }

    static void check(Environment environment) {
        Map<String, String> starterKeys = new TreeMap<>();
        starterKeysOf(AstrocyteProperties.class, "", starterKeys);
        Set<String> starterGroups = new TreeSet<>();
        AstrocyteProperties.OWN_KEYS.forEach(k -> starterGroups.add(ConfigSchema.canonical(k)));
        Map<String, String> sections = new TreeMap<>();
        for (RecordComponent c : AstrocyteConfig.class.getRecordComponents()) {
            String kebab = ConfigSchema.snake(c.getName()).replace('_', '-');
            sections.put(ConfigSchema.canonical(kebab), kebab);
        }
        ConfigSchema.EXTRA_TOP_LEVEL.forEach(k -> sections.put(ConfigSchema.canonical(k), k.replace('_', '-')));

        List<String> problems = new ArrayList<>();
        for (String name : propertyNames(environment)) {
            String path = name.substring("astrocyte.".length()).replaceAll("\\[[^]]*]", "");
            String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            boolean known = starterGroups.contains(ConfigSchema.canonical(first))
                    ? starterKeys.containsKey(canonicalPath(path))
                    : sections.containsKey(ConfigSchema.canonical(first));
            if (!known) {
                problems.add("'" + name + "' is not an Astrocyte property"
                        + suggestion(path, first, starterKeys, starterGroups, sections)
                                .map(n -> " (did you mean 'astrocyte." + n + "'?)").orElse(""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
    }

    /**
     * The nearest valid key: a starter key when the group is right or the whole path is close to one,
     * else the path with its first segment replaced by the nearest group or section.
     */
    private static java.util.Optional<String> suggestion(String path, String first, Map<String, String> starterKeys,
            Set<String> starterGroups, Map<String, String> sections) {
        java.util.Optional<String> starter = NearestName.in(path, starterKeys.values());
        if (starter.isPresent() || starterGroups.contains(ConfigSchema.canonical(first))) {
            return starter;
        }
        List<String> tops = new ArrayList<>(sections.values());
        AstrocyteProperties.OWN_KEYS.forEach(tops::add);
        return NearestName.in(first, tops).map(top -> top + path.substring(first.length()));
    }

    /** Every {@code astrocyte.*} property name the application set, as written, outside environment variables. */
    private static Set<String> propertyNames(Environment environment) {
        Set<String> names = new TreeSet<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable
                        && !(source instanceof SystemEnvironmentPropertySource)) {
                    for (String name : enumerable.getPropertyNames()) {
                        if (name.startsWith("astrocyte.")) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return names;
    }

    /** The starter's keys in kebab case, by canonical form, from the fields of the properties classes. */
    private static void starterKeysOf(Class<?> type, String prefix, Map<String, String> out) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String key = prefix + ConfigSchema.snake(f.getName()).replace('_', '-');
            if (f.getType().getDeclaringClass() == AstrocyteProperties.class) {
                starterKeysOf(f.getType(), key + ".", out);
            } else {
                out.put(canonicalPath(key), key);
            }
        }
    }

    private static String canonicalPath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            out.append(out.length() == 0 ? "" : ".").append(ConfigSchema.canonical(part));
        }
        return out.toString();
    }
}
