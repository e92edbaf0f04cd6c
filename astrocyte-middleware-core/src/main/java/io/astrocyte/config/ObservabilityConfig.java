package io.astrocyte.config;

/**
 * {@code observability} ([J] additions; exporters such as Prometheus or OpenTelemetry are the
 * application's choice, through the Micrometer registries it passes in).
 *
 * @param bankLabel tag metrics with {@code bank_id} (default {@code false}: with a bank per user the label
 *                  would be unbounded)
 */
public record ObservabilityConfig(Boolean bankLabel) {

    public static final ObservabilityConfig DEFAULT = new ObservabilityConfig(null);

    public ObservabilityConfig {
        bankLabel = bankLabel != null && bankLabel;
    }
}
