package io.astrocyte.pipeline;

import io.astrocyte.api.RetainRequest;
import io.astrocyte.config.HomeostasisConfig;
import io.astrocyte.config.ValidationConfig;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The validation barrier for retained content (SPEC §3.1 {@code retain_max_content_bytes}, §3.2
 * {@code barriers.validation}). It returns the reason a retain must be refused; a refusal is a soft
 * failure, {@code RetainResult(stored=false, error=reason)}, and nothing is written.
 */
public final class ContentValidator {

    private final ValidationConfig validation;
    private final HomeostasisConfig homeostasis;

    public ContentValidator(ValidationConfig validation, HomeostasisConfig homeostasis) {
        this.validation = validation;
        this.homeostasis = homeostasis;
    }

    public Optional<String> check(RetainRequest request) {
        String content = request.content();
        if (validation.rejectEmptyContent() && content.isBlank()) {
            return Optional.of("Content is empty");
        }
        if (content.length() > validation.maxContentLength()) {
            return Optional.of("Content exceeds max_content_length (" + content.length() + " > "
                    + validation.maxContentLength() + " characters)");
        }
        Integer maxBytes = homeostasis.retainMaxContentBytes();
        if (maxBytes != null) {
            int bytes = content.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                return Optional.of("Content exceeds retain_max_content_bytes (" + bytes + " > " + maxBytes + " bytes)");
            }
        }
        if (!validation.allowedContentTypes().contains(request.contentType().wireName())) {
            return Optional.of("Content type '" + request.contentType().wireName() + "' is not allowed");
        }
        if (validation.rejectBinaryContent() && looksBinary(content)) {
            return Optional.of("Content looks binary (control characters)");
        }
        return Optional.empty();
    }

    private static boolean looksBinary(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return true;
            }
        }
        return false;
    }
}
