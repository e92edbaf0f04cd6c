package io.astrocyte.qdrant;

import io.astrocyte.ConfigException;
import io.astrocyte.spi.ProviderFactory;
import io.astrocyte.spi.VectorStore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code vector_store: qdrant}. It is used only when named, so adding this module next to the embedded one
 * changes nothing until the config asks for it. {@code vector_store_config}:
 *
 * <ul>
 *   <li>{@code host} (default {@code localhost}), {@code port} (gRPC, default 6334), {@code tls} (default
 *       false), or {@code url} such as {@code https://qdrant.internal:6334} instead of the three;</li>
 *   <li>{@code api_key};</li>
 *   <li>{@code collection} (alias {@code collection_name}, default {@code astrocyte}), {@code auto_create}
 *       (default true);</li>
 *   <li>for new collections in a cluster: {@code shard_number}, {@code replication_factor},
 *       {@code write_consistency_factor};</li>
 *   <li>{@code write_ordering} ({@code medium}) and {@code read_consistency} ({@code majority} when the
 *       collection has replicas), see {@code Consistency};</li>
 *   <li>{@code hnsw_ef} (Qdrant's default) and {@code exact_search} (false) for dense queries;</li>
 *   <li>{@code timeout_ms} (10000), {@code max_retries} (3), {@code retry_backoff_ms} (100),
 *       {@code batch_size} (256), {@code bm25_avg_doc_length} (64);</li>
 *   <li>{@code vector_size}: the dimension the deployment expects; startup fails when the embedder's differs.</li>
 * </ul>
 * The facade adds {@code embedding_dimension} and {@code embedding_model}; {@code path} (the data folder) is
 * accepted and not used.
 */
public final class QdrantVectorStoreFactory implements ProviderFactory.ForVectorStore {

    private static final Set<String> KEYS = Set.of("host", "port", "tls", "url", "api_key", "collection",
            "collection_name", "auto_create", "shard_number", "replication_factor", "write_consistency_factor",
            "write_ordering", "read_consistency", "hnsw_ef", "exact_search", "timeout_ms", "max_retries", "retry_backoff_ms", "batch_size", "bm25_avg_doc_length", "vector_size",
            "embedding_dimension", "embedding_model", "path");

    @Override
    public String name() {
        return "qdrant";
    }

    /** Only when named. */
    @Override
    public int priority() {
        return -1;
    }

    @Override
    public VectorStore create(Map<String, Object> config) {
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException("vector_store_config." + key + ": unknown key for the Qdrant store (known: "
                        + "host, port, tls, url, api_key, collection, auto_create, shard_number, replication_factor, "
                        + "write_consistency_factor, write_ordering, read_consistency, hnsw_ef, exact_search, timeout_ms, max_retries, retry_backoff_ms, batch_size, "
                        + "bm25_avg_doc_length, vector_size)");
            }
        }
        int dimension = integer(config, "embedding_dimension", 0);
        if (dimension <= 0) {
            throw new ConfigException("vector_store_config: the Qdrant store needs the embedder's dimension");
        }
        Object expected = config.get("vector_size");
        if (expected != null && integer(config, "vector_size", 0) != dimension) {
            throw new ConfigException("vector_store_config.vector_size: " + expected + ", but the embedder is "
                    + dimension + "-d");
        }
        QdrantVectorStore.Builder b = QdrantVectorStore.builder().dimension(dimension);
        if (config.get("url") != null) {
            URI url;
            try {
                url = URI.create(String.valueOf(config.get("url")));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("vector_store_config.url: not a URL: " + config.get("url"), e);
            }
            if (url.getHost() == null) {
                throw new ConfigException("vector_store_config.url: no host in " + url);
            }
            b.host(url.getHost()).tls("https".equalsIgnoreCase(url.getScheme()))
                    .port(url.getPort() > 0 ? url.getPort() : 6334);
        }
        if (config.get("host") != null) {
            b.host(String.valueOf(config.get("host")));
        }
        if (config.get("port") != null) {
            b.port(integer(config, "port", 6334));
        }
        if (config.get("tls") != null) {
            b.tls(bool(config, "tls"));
        }
        if (config.get("api_key") != null) {
            b.apiKey(String.valueOf(config.get("api_key")));
        }
        Object collection = config.getOrDefault("collection", config.get("collection_name"));
        if (collection != null) {
            b.collection(String.valueOf(collection));
        }
        if (config.get("auto_create") != null) {
            b.autoCreate(bool(config, "auto_create"));
        }
        if (config.get("shard_number") != null) {
            b.shardNumber(integer(config, "shard_number", 0));
        }
        if (config.get("replication_factor") != null) {
            b.replicationFactor(integer(config, "replication_factor", 0));
        }
        if (config.get("write_consistency_factor") != null) {
            b.writeConsistencyFactor(integer(config, "write_consistency_factor", 0));
        }
        if (config.get("write_ordering") != null) {
            b.writeOrdering(String.valueOf(config.get("write_ordering")));
        }
        if (config.get("read_consistency") != null) {
            b.readConsistency(String.valueOf(config.get("read_consistency")));
        }
        if (config.get("hnsw_ef") != null) {
            b.hnswEf(integer(config, "hnsw_ef", 0));
        }
        if (config.get("exact_search") != null) {
            b.exactSearch(Boolean.parseBoolean(String.valueOf(config.get("exact_search"))));
        }
        if (config.get("timeout_ms") != null) {
            b.timeout(Duration.ofMillis(integer(config, "timeout_ms", 0)));
        }
        if (config.get("max_retries") != null) {
            b.maxRetries(integer(config, "max_retries", 0));
        }
        if (config.get("retry_backoff_ms") != null) {
            b.retryBackoff(Duration.ofMillis(integer(config, "retry_backoff_ms", 0)));
        }
        if (config.get("batch_size") != null) {
            b.batchSize(integer(config, "batch_size", 0));
        }
        if (config.get("bm25_avg_doc_length") != null) {
            b.bm25AverageLength(number(config, "bm25_avg_doc_length"));
        }
        if (config.get("embedding_model") != null) {
            b.embeddingModel(String.valueOf(config.get("embedding_model")));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("vector_store_config: " + e.getMessage(), e);
        }
    }

    private static int integer(Map<String, Object> config, String key, int fallback) {
        Object v = config.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("vector_store_config." + key + ": not an integer: " + v, e);
        }
    }

    private static double number(Map<String, Object> config, String key) {
        Object v = config.get(key);
        try {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("vector_store_config." + key + ": not a number: " + v, e);
        }
    }

    private static boolean bool(Map<String, Object> config, String key) {
        Object v = config.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException("vector_store_config." + key + ": not true or false: " + v);
    }
}
