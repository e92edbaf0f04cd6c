package io.astrocyte.spring.boot;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where Astrocyte's Qdrant store connects. Defined from {@code astrocyte.qdrant.*} by default; a bean of
 * this type (for example one contributed by {@code @ServiceConnection} in tests) takes precedence.
 */
public interface QdrantConnectionDetails extends ConnectionDetails {

    String host();

    /** gRPC port (Qdrant's default is 6334). */
    int port();

    boolean tls();

    /** {@code null} when the server needs none. */
    String apiKey();
}
