package io.astrocyte.spring.boot;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.astrocyte.config.AstrocyteConfig;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of {@code astrocyte.yaml}, read from the core's config records, used to turn Spring's view of
 * {@code astrocyte.*} properties back into that tree. Spring keeps keys as written ({@code access-control},
 * {@code accessControl}, {@code access_control}) and turns lists into maps keyed {@code 0, 1, …}; the core
 * loader wants snake_case keys and real lists. Map keys that are data (bank ids, agent names) are kept as
 * written — a bank called {@code user-alice} stays {@code user-alice}.
 */
final class ConfigSchema {

    /** Top-level keys the loader accepts that are not fields of {@link AstrocyteConfig}. */
    static final List<String> EXTRA_TOP_LEVEL = List.of("profile", "compliance_profile");

    private ConfigSchema() {
    }

    /** Normalizes a tree bound from Spring properties into the loader's form. */
    static Map<String, Object> normalize(Map<String, Object> springTree) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : springTree.entrySet()) {
            String canonical = canonical(e.getKey());
            String extra = EXTRA_TOP_LEVEL.stream().filter(x -> canonical(x).equals(canonical)).findFirst()
                    .orElse(null);
            if (extra != null) {
                out.put(extra, freeForm(e.getValue()));
            }
        }
        Map<String, Object> rest = new LinkedHashMap<>(springTree);
        rest.keySet().removeIf(k -> EXTRA_TOP_LEVEL.stream().anyMatch(x -> canonical(x).equals(canonical(k))));
        out.putAll(record(AstrocyteConfig.class, rest));
        return out;
    }

    private static Map<String, Object> record(Class<?> type, Map<?, ?> values) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.put(canonical(c.getName()), c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String key = String.valueOf(e.getKey());
            RecordComponent c = components.get(canonical(key));
            if (c == null) {
                // unknown here: pass on in snake_case so the loader names it in its error
                out.put(snake(key), freeForm(e.getValue()));
            } else {
                out.put(snake(c.getName()), value(c.getGenericType(), e.getValue()));
            }
        }
        return out;
    }

    private static Object value(Type type, Object value) {
        Class<?> raw = raw(type);
        if (value == null) {
            return null;
        }
        if (raw.isRecord() && value instanceof Map<?, ?> m) {
            return record(raw, m);
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = argument(type, 0);
            List<Object> out = new ArrayList<>();
            for (Object item : list(value)) {
                out.add(value(element, item));
            }
            return out;
        }
        if (Map.class.isAssignableFrom(raw) && value instanceof Map<?, ?> m) {
            Type element = argument(type, 1);
            if (raw(element) == Object.class) {
                return freeFormMap(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), value(element, v)));
            return out;
        }
        if (raw.isEnum() && value instanceof String s) {
            return s.replace('-', '_').toLowerCase(Locale.ROOT);
        }
        return value;
    }

    /** Provider configs and other free-form maps: kebab keys become snake_case, indexed maps lists. */
    private static Object freeForm(Object value) {
        if (value instanceof Map<?, ?> m) {
            return indexed(m) ? list(m).stream().map(ConfigSchema::freeForm).toList() : freeFormMap(m);
        }
        return value;
    }

    private static Map<String, Object> freeFormMap(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k).replace('-', '_'), freeForm(v)));
        return out;
    }

    /** Spring binds {@code x[0]=a, x[1]=b} as {@code {0=a, 1=b}} and {@code x=a,b} as the string "a,b". */
    private static List<Object> list(Object value) {
        if (value instanceof Map<?, ?> m && indexed(m)) {
            TreeMap<Integer, Object> ordered = new TreeMap<>();
            m.forEach((k, v) -> ordered.put(Integer.parseInt(String.valueOf(k)), v));
            return new ArrayList<>(ordered.values());
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (value instanceof String s) {
            List<Object> out = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
        return List.of(value);
    }

    private static boolean indexed(Map<?, ?> m) {
        return !m.isEmpty() && m.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\d+"));
    }

    /** Visits every leaf of the schema: its snake_case path, type and enum values; maps and lists are leaves. */
    static void leaves(Class<?> type, String prefix, LeafVisitor visitor) {
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + snake(c.getName());
            Class<?> raw = raw(c.getGenericType());
            if (raw.isRecord()) {
                leaves(raw, path + ".", visitor);
            } else {
                visitor.leaf(path, c.getGenericType(), raw.isEnum() ? enumValues(raw) : List.of(), c);
            }
        }
    }

    /** Receives one schema leaf. */
    interface LeafVisitor {
        void leaf(String snakePath, Type type, List<String> enumValues, RecordComponent component);
    }

    static List<String> enumValues(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Field f : type.getFields()) {
            if (f.isEnumConstant()) {
                JsonProperty p = f.getAnnotation(JsonProperty.class);
                out.add(p != null ? p.value() : f.getName().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static String canonical(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    static String snake(String name) {
        StringBuilder out = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch == '-' ? '_' : ch);
            }
        }
        return out.toString();
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }
}
