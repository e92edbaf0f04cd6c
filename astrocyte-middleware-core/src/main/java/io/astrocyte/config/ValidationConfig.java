package io.astrocyte.config;

import java.util.List;

/**
 * {@code barriers.validation} (SPEC §3.2): checks on retained content. A failed check is a soft failure,
 * {@code RetainResult(stored=false)}.
 *
 * @param maxContentLength     characters (default 50 000)
 * @param rejectEmptyContent   refuse empty or whitespace-only content (default true)
 * @param rejectBinaryContent  refuse content with NUL or other non-text control characters (default true)
 * @param allowedContentTypes  wire names (default {@code text, conversation, document})
 */
public record ValidationConfig(
        Integer maxContentLength, Boolean rejectEmptyContent, Boolean rejectBinaryContent,
        List<String> allowedContentTypes) {

    public static final ValidationConfig DEFAULT = new ValidationConfig(null, null, null, null);

    public ValidationConfig {
        maxContentLength = maxContentLength == null ? 50_000 : maxContentLength;
        ConfigChecks.positive("barriers.validation.max_content_length", maxContentLength);
        rejectEmptyContent = rejectEmptyContent == null || rejectEmptyContent;
        rejectBinaryContent = rejectBinaryContent == null || rejectBinaryContent;
        allowedContentTypes = allowedContentTypes == null ? List.of("text", "conversation", "document")
                : List.copyOf(allowedContentTypes);
        for (String t : allowedContentTypes) {
            try {
                io.astrocyte.api.ContentType.fromWire(t);
            } catch (io.astrocyte.InvalidRequestException e) {
                throw new io.astrocyte.ConfigException(
                        "barriers.validation.allowed_content_types: unknown content type '" + t + "'");
            }
        }
    }
}
