package io.astrocyte.qdrant;

/**
 * {@link QdrantWireTest} over a real Netty gRPC channel on 127.0.0.1 instead of the in-process transport:
 * the same requests and answers, through real framing, headers and message size limits.
 */
class QdrantWireOverLoopbackTest extends QdrantWireTest {

    @Override
    RecordingQdrantServer newServer() throws Exception {
        return RecordingQdrantServer.onLocalPort();
    }
}
