package io.astrocyte.agentcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AgentCardReaderTest {

    static AgentCard card(String resource) throws Exception {
        try (InputStream in = AgentCardReaderTest.class.getResourceAsStream("/cards/" + resource)) {
            return AgentCardReader.read(in);
        }
    }

    @Test
    void readsTheV1LayoutAndIgnoresUnknownFields() throws Exception {
        AgentCard c = card("support-v1.json");
        assertThat(c.name()).isEqualTo("Support Bot");
        assertThat(c.version()).isEqualTo("2.4.0");
        assertThat(c.provider().organization()).isEqualTo("Acme Corp");
        assertThat(c.interfaces()).extracting(AgentCard.Interface::protocolBinding).containsExactly("JSONRPC", "GRPC");
        assertThat(c.primaryUrl()).isEqualTo("https://agents.acme.example/support/");
        assertThat(c.legacyUrl()).isNull();
        assertThat(c.skills()).extracting(AgentCard.Skill::id).containsExactly("billing", "shipping");
        assertThat(c.skills().get(0).tags()).containsExactly("finance", "support");
        assertThat(c.raw()).containsKey("futureField");
        assertThat(c.sha256()).hasSize(64);
    }

    @Test
    void readsTheV03LayoutWithItsUrlAsTheFirstInterface() throws Exception {
        AgentCard c = card("support-v03.json");
        assertThat(c.legacyUrl()).isEqualTo("https://AGENTS.acme.example:443/support");
        assertThat(c.interfaces()).extracting(AgentCard.Interface::url)
                .containsExactly("https://AGENTS.acme.example:443/support", "https://grpc.acme.example:8443");
        assertThat(c.interfaces().get(0).protocolBinding()).isEqualTo("JSONRPC");
        assertThat(c.interfaces().get(0).protocolVersion()).isEqualTo("0.3.0");
        assertThat(c.tenant()).isNull();
    }

    @Test
    void readsFromAStringAStreamAndAFileAlike() throws Exception {
        String json = "{\"name\":\"n\",\"provider\":{\"organization\":\"o\"},\"url\":\"https://x.example\"}";
        AgentCard fromString = AgentCardReader.read(json);
        AgentCard fromStream = AgentCardReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        AgentCard fromFile = AgentCardReader.read(Path.of(AgentCardReaderTest.class.getResource("/cards/support-v1.json").toURI()));
        assertThat(fromStream).isEqualTo(fromString);
        assertThat(fromFile.name()).isEqualTo("Support Bot");
    }

    @Test
    void keyOrderDoesNotChangeTheHashButContentDoes() {
        String a = "{\"name\":\"n\",\"provider\":{\"organization\":\"o\",\"url\":\"u\"}}";
        String b = "{\"provider\":{\"url\":\"u\",\"organization\":\"o\"},\"name\":\"n\"}";
        String c = "{\"provider\":{\"url\":\"u\",\"organization\":\"o\"},\"name\":\"n\",\"version\":\"2\"}";
        assertThat(AgentCardReader.read(a).sha256()).isEqualTo(AgentCardReader.read(b).sha256())
                .isNotEqualTo(AgentCardReader.read(c).sha256());
    }

    @Test
    void signatureKeyIdsComeFromTheProtectedHeader() {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"ES256\",\"kid\":\"acme-2026\"}".getBytes(StandardCharsets.UTF_8));
        AgentCard c = AgentCardReader.read("{\"name\":\"n\",\"provider\":{\"organization\":\"o\"},\"signatures\":["
                + "{\"protected\":\"" + header + "\",\"signature\":\"sig\"},{\"protected\":\"%%%\"}]}");
        assertThat(c.signatureKeyIds()).containsExactly("acme-2026");
    }

    @Test
    void aCardWithoutNameOrProviderOrNotJsonIsRefusedClearly() {
        assertThatThrownBy(() -> AgentCardReader.read("{\"provider\":{\"organization\":\"o\"}}"))
                .isInstanceOfSatisfying(InvalidAgentCardException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> AgentCardReader.read("{\"name\":\"helper\",\"provider\":{\"url\":\"https://x\"}}"))
                .isInstanceOfSatisfying(InvalidAgentCardException.class,
                        e -> assertThat(e.field()).isEqualTo("provider.organization"))
                .hasMessageContaining("helper");
        assertThatThrownBy(() -> AgentCardReader.read("{\"name\":\"helper\"}"))
                .isInstanceOf(InvalidAgentCardException.class);
        assertThatThrownBy(() -> AgentCardReader.read("[1,2]")).isInstanceOf(InvalidAgentCardException.class);
        assertThatThrownBy(() -> AgentCardReader.read("{\"name\":")).isInstanceOf(InvalidAgentCardException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> AgentCardReader.read(Path.of("/nonexistent/card.json")))
                .isInstanceOf(InvalidAgentCardException.class).hasMessageContaining("/nonexistent/card.json");
    }
}
