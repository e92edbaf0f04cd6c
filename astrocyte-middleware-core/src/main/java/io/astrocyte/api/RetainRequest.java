package io.astrocyte.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Store content in a bank (SPEC §1.2). Content problems (empty, too long, disallowed type) come back as
 * {@code RetainResult(stored=false, error=…)}; malformed arguments (bank id, tags, metadata) throw
 * {@link io.astrocyte.InvalidRequestException} here.
 *
 * @param metadata  scalar values only; key {@code session_id} scopes the memory to a session
 * @param factType  [Java] the fact type to stamp (default {@code world})
 * @param source    where the content came from, reported back on hits
 */
public record RetainRequest(
        String bankId,
        String content,
        Map<String, Object> metadata,
        List<String> tags,
        ContentType contentType,
        String extractionProfile,
        Instant occurredAt,
        String source,
        boolean piiDetected,
        String factType) {

    public static final String DEFAULT_FACT_TYPE = "world";

    public RetainRequest {
        BankIds.require("bank_id", bankId);
        Validate.required("content", content);
        metadata = Validate.metadata("metadata", metadata);
        tags = Validate.tags("tags", tags);
        contentType = contentType == null ? ContentType.TEXT : contentType;
        factType = factType == null || factType.isBlank() ? DEFAULT_FACT_TYPE : factType;
    }

    /** This request after the barriers: content and metadata as they will be stored, and whether PII was found. */
    /** This request sent elsewhere by the Memory Intent Protocol: another bank, tags and content, PII flag set. */
    public RetainRequest routed(String newBank, List<String> newTags, String newContent, boolean pii) {
        return new RetainRequest(newBank, newContent, metadata, newTags, contentType, extractionProfile, occurredAt,
                source, piiDetected || pii, factType);
    }

    public RetainRequest sanitized(String newContent, Map<String, Object> newMetadata, boolean pii) {
        return new RetainRequest(bankId, newContent, newMetadata, tags, contentType, extractionProfile, occurredAt,
                source, piiDetected || pii, factType);
    }

    public static RetainRequest of(String bankId, String content) {
        return builder(bankId, content).build();
    }

    public static Builder builder(String bankId, String content) {
        return new Builder(bankId, content);
    }

    /** Builder for the optional fields. */
    public static final class Builder {
        private final String bankId;
        private final String content;
        private Map<String, Object> metadata;
        private List<String> tags;
        private ContentType contentType;
        private String extractionProfile;
        private Instant occurredAt;
        private String source;
        private boolean piiDetected;
        private String factType;

        private Builder(String bankId, String content) {
            this.bankId = bankId;
            this.content = content;
        }

        public Builder metadata(Map<String, ?> value) {
            this.metadata = value == null ? null : new java.util.LinkedHashMap<>(value);
            return this;
        }

        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        public Builder tags(String... value) {
            return tags(List.of(value));
        }

        public Builder contentType(ContentType value) {
            this.contentType = value;
            return this;
        }

        public Builder extractionProfile(String value) {
            this.extractionProfile = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            this.occurredAt = value;
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        public Builder piiDetected(boolean value) {
            this.piiDetected = value;
            return this;
        }

        public Builder factType(String value) {
            this.factType = value;
            return this;
        }

        public RetainRequest build() {
            return new RetainRequest(bankId, content, metadata, tags, contentType, extractionProfile, occurredAt,
                    source, piiDetected, factType);
        }
    }
}
