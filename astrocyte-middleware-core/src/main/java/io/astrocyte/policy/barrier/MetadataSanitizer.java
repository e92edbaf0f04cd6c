package io.astrocyte.policy.barrier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.config.MetadataBarrierConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Metadata sanitizing (SPEC §3.2): keys that name secrets are dropped ({@code db_password},
 * {@code openai.api-key}; not {@code passwords} or {@code tokenizer}, which only contain the letters), then
 * keys go in reverse alphabetical order until the metadata fits the size cap.
 */
public final class MetadataSanitizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<List<String>> blocked;
    private final int maxBytes;

    public MetadataSanitizer(MetadataBarrierConfig config) {
        this.blocked = config.blockedKeys().stream().map(MetadataSanitizer::segments).toList();
        this.maxBytes = config.maxMetadataSizeBytes();
    }

    /** The metadata to store; the same map when nothing had to go. */
    public Map<String, Object> sanitize(Map<String, Object> metadata) {
        if (metadata.isEmpty()) {
            return metadata;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            if (!isBlocked(e.getKey())) {
                kept.put(e.getKey(), e.getValue());
            }
        }
        if (size(kept) > maxBytes) {
            List<String> keys = new ArrayList<>(kept.keySet());
            keys.sort(Comparator.reverseOrder());
            for (String k : keys) {
                kept.remove(k);
                if (size(kept) <= maxBytes) {
                    break;
                }
            }
        }
        return kept.size() == metadata.size() ? metadata : kept;
    }

    boolean isBlocked(String key) {
        List<String> parts = segments(key);
        for (List<String> b : blocked) {
            if (!b.isEmpty() && java.util.Collections.indexOfSubList(parts, b) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> segments(String key) {
        return Arrays.stream(key.toLowerCase(Locale.ROOT).split("[_.\\-]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static int size(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            return Integer.MAX_VALUE;
        }
    }
}
