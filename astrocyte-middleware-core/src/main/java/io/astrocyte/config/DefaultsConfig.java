package io.astrocyte.config;

import io.astrocyte.api.Dispositions;

/** {@code defaults}: values a request falls back to, e.g. reflect {@code dispositions}. */
public record DefaultsConfig(Dispositions dispositions) {

    public static final DefaultsConfig DEFAULT = new DefaultsConfig(null);

    public DefaultsConfig {
        dispositions = dispositions == null ? Dispositions.NEUTRAL : dispositions;
    }
}
