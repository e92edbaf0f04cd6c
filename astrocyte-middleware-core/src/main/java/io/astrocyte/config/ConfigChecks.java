package io.astrocyte.config;

import io.astrocyte.ConfigException;

/** Range checks for config records; each failure names the key. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void positive(String key, Number v) {
        if (v.doubleValue() <= 0) {
            throw new ConfigException(key + ": must be positive, got " + v);
        }
    }

    static void positiveOrNull(String key, Number v) {
        if (v != null) {
            positive(key, v);
        }
    }

    static void nonNegative(String key, Number v) {
        if (v.doubleValue() < 0) {
            throw new ConfigException(key + ": must not be negative, got " + v);
        }
    }
}
