package io.astrocyte.agentcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentIdentityTest {

    private static AgentIdentity id(String org, String name, String url, String version) {
        return AgentIdentity.of(AgentCardReader.read("{\"name\":\"" + name + "\",\"version\":\"" + version
                + "\",\"provider\":{\"organization\":\"" + org + "\"},\"url\":\"" + url + "\"}"),
                AgentIdentity.DEFAULT_NAMESPACE);
    }

    @Test
    void uuidV5MatchesTheRfcConstruction() {
        // The DNS namespace and "www.example.com", as computed by Python's uuid.uuid5.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(AgentIdentity.uuidV5(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void theSameNameUnderAnotherOrganizationIsAnotherAgent() {
        assertThat(id("Acme", "Helper", "https://a.example", "1").principal())
                .isNotEqualTo(id("Globex", "Helper", "https://a.example", "1").principal());
        assertThat(id("Acme", "Helper", "https://a.example", "1").principal())
                .isNotEqualTo(id("Acme", "Helper", "https://b.example", "1").principal());
    }

    @Test
    void versionBumpsAndCosmeticDifferencesKeepTheIdentity() {
        AgentIdentity v1 = id("Acme", "Helper", "https://a.example/rpc", "1.0.0");
        assertThat(id("Acme", "Helper", "https://a.example/rpc", "2.0.0")).isEqualTo(v1);
        assertThat(id(" ACME ", "helper", "HTTPS://A.example:443/other/path/", "3")).isEqualTo(v1);
        assertThat(id("Acme", "Helper", "https://a.example:8443", "1")).isNotEqualTo(v1);
    }

    @Test
    void v03AndV1CardsOfTheSameAgentShareTheIdentity() throws Exception {
        AgentIdentity v1 = AgentIdentity.of(AgentCardReaderTest.card("support-v1.json"), AgentIdentity.DEFAULT_NAMESPACE);
        AgentIdentity v03 = AgentIdentity.of(AgentCardReaderTest.card("support-v03.json"), AgentIdentity.DEFAULT_NAMESPACE);
        assertThat(v03).isEqualTo(v1);
        assertThat(v1.principal()).startsWith("agent:").hasSize("agent:".length() + 36);
        assertThat(v1.label()).isEqualTo("a2a://acme corp/support bot");
        assertThat(v1.agentId()).matches("acme-corp-support-bot-[0-9a-f]{8}");
    }

    @Test
    void theTenantAndTheNamespaceAreSeparateIdentities() {
        String card = "{\"name\":\"Helper\",\"provider\":{\"organization\":\"Acme\"},\"supportedInterfaces\":"
                + "[{\"url\":\"https://a.example\",\"tenant\":\"%s\"}]}";
        AgentIdentity red = AgentIdentity.of(AgentCardReader.read(card.formatted("red")), AgentIdentity.DEFAULT_NAMESPACE);
        AgentIdentity blue = AgentIdentity.of(AgentCardReader.read(card.formatted("blue")), AgentIdentity.DEFAULT_NAMESPACE);
        assertThat(red.principal()).isNotEqualTo(blue.principal());
        assertThat(red.label()).isEqualTo("a2a://acme/helper@red");
        assertThat(red.agentId()).startsWith("red-helper-");
        AgentIdentity otherNs = AgentIdentity.of(AgentCardReader.read(card.formatted("red")), UUID.randomUUID());
        assertThat(otherNs.principal()).isNotEqualTo(red.principal());
        assertThat(otherNs.canonicalKey()).isEqualTo(red.canonicalKey());
    }
}
