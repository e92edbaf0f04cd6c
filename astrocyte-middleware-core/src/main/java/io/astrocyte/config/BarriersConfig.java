package io.astrocyte.config;

/** {@code barriers} (SPEC §3.2). The PII and metadata barriers arrive with the policy layer. */
public record BarriersConfig(ValidationConfig validation) {

    public static final BarriersConfig DEFAULT = new BarriersConfig(null);

    public BarriersConfig {
        validation = validation == null ? ValidationConfig.DEFAULT : validation;
    }
}
