package io.astrocyte.pipeline.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A profile's {@code metadata_mapping} (SPEC §5.1): fields of JSON content copied into metadata,
 * {@code $.path.to.field → key}. Only scalar fields are copied; content that is not a JSON object, and paths that
 * lead nowhere or to a list or object, add nothing. The request's own metadata wins over a mapped value.
 */
public final class MetadataMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataMapping() {
    }

    /**
     * @return {@code metadata} with the mapped fields of {@code content} added where the request has no value of its
     *         own
     */
    public static Map<String, Object> apply(Map<String, String> mapping, String content, Map<String, Object> metadata) {
        if (mapping.isEmpty() || !content.stripLeading().startsWith("{")) {
            return metadata;
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return metadata;
        }
        Map<String, Object> out = new LinkedHashMap<>(metadata);
        mapping.forEach((path, key) -> {
            JsonNode node = root;
            for (String part : path.substring(2).split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node != null && node.isValueNode() && !node.isNull() && !out.containsKey(key)) {
                Object value = node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
                        : node.isNumber() ? (Object) node.doubleValue()
                        : node.isBoolean() ? (Object) node.booleanValue() : node.asText();
                out.put(key, value);
            }
        });
        return out;
    }
}
