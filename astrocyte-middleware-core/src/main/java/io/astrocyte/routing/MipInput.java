package io.astrocyte.routing;

import java.util.List;
import java.util.Map;

/**
 * What a rule can look at when content is routed (SPEC §6.2): the content and its type and source, the PII
 * flag (the caller's, or set by the facade's scan), tags, metadata, computed {@code signals} and the principal.
 *
 * @param contentType e.g. {@code text}, {@code conversation}; {@code null} when not given
 * @param signals     numbers the facade computes: {@code word_count}, {@code novelty_score}
 * @param principal   who retains; {@code null} for no identity
 */
public record MipInput(String content, String contentType, String source, boolean piiDetected, List<String> tags,
        Map<String, Object> metadata, Map<String, Double> signals, Principal principal) {

    public MipInput {
        content = content == null ? "" : content;
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    /**
     * The principal as rules see it.
     *
     * @param type  {@code user}, {@code agent}, {@code service} or {@code team}
     * @param id    its id (for users, the object id when known)
     * @param upn   a user's principal name, e.g. {@code alice@example.com}
     * @param appId a service's application id
     */
    public record Principal(String type, String id, String upn, String appId) {

        /** A user's id, or a service's application id ({@code principal.oid_or_app_id}). */
        public String oidOrAppId() {
            return "service".equals(type) && appId != null ? appId : id;
        }
    }
}
