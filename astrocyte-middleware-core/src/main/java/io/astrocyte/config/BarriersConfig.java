package io.astrocyte.config;

/** {@code barriers} (SPEC §3.2): content validation, the PII barrier and metadata sanitizing. */
public record BarriersConfig(ValidationConfig validation, PiiConfig pii, MetadataBarrierConfig metadata) {

    public static final BarriersConfig DEFAULT = new BarriersConfig(null, null, null);

    public BarriersConfig {
        validation = validation == null ? ValidationConfig.DEFAULT : validation;
        pii = pii == null ? PiiConfig.DEFAULT : pii;
        metadata = metadata == null ? MetadataBarrierConfig.DEFAULT : metadata;
    }
}
