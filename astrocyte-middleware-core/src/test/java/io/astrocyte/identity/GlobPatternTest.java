package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import io.astrocyte.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobPatternTest {

    @Test
    void starMatchesOneOrMoreCharacters() {
        GlobPattern shared = new GlobPattern("shared-*");
        assertThat(shared.matches("shared-eng")).isTrue();
        assertThat(shared.matches("shared")).isFalse();
        assertThat(shared.matches("shared-")).isFalse();
        GlobPattern agents = new GlobPattern("agent:*");
        assertThat(agents.matches("agent:support-bot")).isTrue();
        assertThat(agents.matches("agent:")).isFalse();
        assertThat(agents.matches("user:agent")).isFalse();
        assertThat(new GlobPattern("*").matches("anything")).isTrue();
        assertThat(new GlobPattern("a*z").matches("a-to-z")).isTrue();
        assertThat(new GlobPattern("a*z").matches("az")).isFalse();
    }

    @Test
    void everythingElseIsLiteral() {
        assertThat(new GlobPattern("team.notes").matches("team.notes")).isTrue();
        assertThat(new GlobPattern("team.notes").matches("teamxnotes")).isFalse();
        assertThat(new GlobPattern("user-(a)").matches("user-(a)")).isTrue();
        assertThat(new GlobPattern("User:alice").matches("user:alice")).isFalse();
    }

    @Test
    void badGrantsInConfigAreNamed() {
        ConfigLoader loader = new ConfigLoader(k -> null);
        assertThatThrownBy(() -> loader.fromMap(Map.of("access_grants", List.of(Map.of("bank_id", "b",
                "principal", "user:a", "permissions", List.of("read", "delete"))))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("access_grants[0].permissions")
                .hasMessageContaining("delete");
        assertThatThrownBy(() -> loader.fromMap(Map.of("access_grants", List.of(Map.of("bank_id", "b",
                "permissions", List.of("read"))))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("access_grants[0].principal");
        assertThatThrownBy(() -> loader.fromMap(Map.of("banks", Map.of("b", Map.of("access", List.of(Map.of(
                "principal", "user:a", "permissions", List.of()))))))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("banks.b.access[0].permissions");
        assertThat(ActorIdentity.parse("team:support").type()).isEqualTo(ActorType.TEAM);
    }
}
