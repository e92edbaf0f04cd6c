package io.astrocyte.config;

import java.util.List;

/**
 * {@code barriers.metadata} (SPEC §3.2): keys that look like secrets are dropped, and oversized metadata
 * loses keys in reverse alphabetical order until it fits.
 *
 * @param blockedKeys          dropped when a key equals one or contains it as {@code _ . -}-separated
 *                             segments, case-insensitive (default {@code api_key, password, token, secret})
 * @param maxMetadataSizeBytes UTF-8 size of the metadata as JSON (default 4096)
 */
public record MetadataBarrierConfig(List<String> blockedKeys, Integer maxMetadataSizeBytes) {

    public static final MetadataBarrierConfig DEFAULT = new MetadataBarrierConfig(null, null);

    public MetadataBarrierConfig {
        blockedKeys = blockedKeys == null ? List.of("api_key", "password", "token", "secret") : List.copyOf(blockedKeys);
        maxMetadataSizeBytes = maxMetadataSizeBytes == null ? 4096 : maxMetadataSizeBytes;
        ConfigChecks.positive("barriers.metadata.max_metadata_size_bytes", maxMetadataSizeBytes);
    }
}
