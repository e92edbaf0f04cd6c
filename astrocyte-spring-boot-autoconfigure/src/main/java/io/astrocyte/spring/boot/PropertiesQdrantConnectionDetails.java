package io.astrocyte.spring.boot;

/** {@link QdrantConnectionDetails} from {@code astrocyte.qdrant.*}. */
record PropertiesQdrantConnectionDetails(String host, int port, boolean tls, String apiKey)
        implements QdrantConnectionDetails {
}
