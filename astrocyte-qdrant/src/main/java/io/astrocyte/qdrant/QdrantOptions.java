package io.astrocyte.qdrant;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link QdrantVectorStore}; see {@link QdrantVectorStore.Builder} for each one's meaning and
 * default.
 */
record QdrantOptions(String host, int port, boolean tls, String apiKey, String collection, int dimension,
        String embeddingModel, boolean autoCreate, Integer shardNumber, Integer replicationFactor,
        Integer writeConsistencyFactor, Duration timeout, int maxRetries, Duration retryBackoff,
        double bm25AverageLength, int batchSize, String writeOrdering, String readConsistency, Integer hnswEf,
        boolean exactSearch) {

    QdrantOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(collection, "collection");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
    }
}
