package io.astrocyte.qdrant;

/**
 * The conformance suites of {@link SimulatedServerContractTest} over a real Netty gRPC channel on 127.0.0.1
 * (a test double, not Qdrant), so that gRPC's message size limit and real serialization are in force.
 */
class SimulatedServerOverLoopbackContractTest extends SimulatedServerContractTest {

    @Override
    SimulatedQdrantServer newServer() throws Exception {
        return SimulatedQdrantServer.overLoopback();
    }
}
