package io.astrocyte.config;

/**
 * {@code dlp} (SPEC §3.5): scan what recall and reflect hand back for PII, with the patterns of
 * {@code barriers.pii}.
 *
 * @param scanRecallOutput  scan recall hits for PII before they are returned (default off)
 * @param scanReflectOutput scan reflect answers for PII before they are returned (default off)
 * @param outputPiiAction {@code warn} (default: log only), {@code redact} or {@code reject} (drop the hit, or
 *                        blank the reflect answer)
 */
public record DlpConfig(Boolean scanRecallOutput, Boolean scanReflectOutput, PiiConfig.Action outputPiiAction) {

    public static final DlpConfig DEFAULT = new DlpConfig(null, null, null);

    public DlpConfig {
        scanRecallOutput = scanRecallOutput != null && scanRecallOutput;
        scanReflectOutput = scanReflectOutput != null && scanReflectOutput;
        outputPiiAction = outputPiiAction == null ? PiiConfig.Action.WARN : outputPiiAction;
    }
}
