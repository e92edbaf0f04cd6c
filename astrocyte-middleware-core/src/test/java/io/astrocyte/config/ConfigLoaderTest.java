package io.astrocyte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("DATA_DIR", "/srv/memory", "OPENAI_API_KEY", "sk-1")::get);

    private AstrocyteConfig load(String yaml) throws Exception {
        Path file = dir.resolve("astrocyte.yaml");
        Files.writeString(file, yaml);
        return loader.load(file);
    }

    @Test
    void anEmptyFileGivesTheSpecDefaults() throws Exception {
        AstrocyteConfig c = load("");
        assertThat(c.providerTier()).isEqualTo("storage");
        assertThat(c.homeostasis().recallMaxTokens()).isNull();
        assertThat(c.barriers().validation().maxContentLength()).isEqualTo(50_000);
        assertThat(c.barriers().validation().allowedContentTypes()).containsExactly("text", "conversation", "document");
        assertThat(c.accessControl().enabled()).as("secure by default").isTrue();
        assertThat(c.accessControl().defaultPolicy()).isEqualTo(AccessControlConfig.DefaultPolicy.OWNER_ONLY);
        assertThat(c.pipeline().chunker().maxSize()).isEqualTo(512);
        assertThat(c.pipeline().chunker().overlap()).isEqualTo(50);
        assertThat(c.pipeline().recall().rrfK()).isEqualTo(40);
        assertThat(c.pipeline().recall().overfetch()).isEqualTo(5);
        assertThat(c.defaults().dispositions().skepticism()).isEqualTo(3);
    }

    @Test
    void snakeCaseKeysAndEnvironmentVariablesBind() throws Exception {
        AstrocyteConfig c = load("""
                vector_store: embedded
                vector_store_config: {path: "${DATA_DIR}/index", exact_search_threshold: 5000}
                llm_provider_config: {api_key: "${OPENAI_API_KEY}", model: "${MODEL:-gpt-4o-mini}"}
                homeostasis: {recall_max_tokens: 2048, reflect_max_tokens: 1024}
                access_control: {enabled: true, default_policy: open}
                defaults: {dispositions: {skepticism: 4, literalism: 2, empathy: 3}}
                pipeline:
                  chunker: {strategy: paragraph, max_size: 800, overlap: 80}
                  recall: {keyword_weight: 1.5}
                """);
        assertThat(c.vectorStore()).isEqualTo("embedded");
        assertThat(c.vectorStoreConfig()).containsEntry("path", "/srv/memory/index")
                .containsEntry("exact_search_threshold", 5000);
        assertThat(c.llmProviderConfig()).containsEntry("api_key", "sk-1").containsEntry("model", "gpt-4o-mini");
        assertThat(c.homeostasis().recallMaxTokens()).isEqualTo(2048);
        assertThat(c.accessControl().defaultPolicy()).isEqualTo(AccessControlConfig.DefaultPolicy.OPEN);
        assertThat(c.defaults().dispositions().skepticism()).isEqualTo(4);
        assertThat(c.pipeline().chunker().strategy()).isEqualTo("paragraph");
        assertThat(c.pipeline().recall().keywordWeight()).isEqualTo(1.5);
        assertThat(c.pipeline().recall().semanticWeight()).isEqualTo(1.0);
    }

    @Test
    void anUnresolvedVariableIsFatalOnlyInASecretLikeKey() throws Exception {
        assertThatThrownBy(() -> load("llm_provider_config: {api_key: \"${MISSING_KEY}\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("llm_provider_config.api_key")
                .hasMessageContaining("MISSING_KEY");
        assertThatThrownBy(() -> load("vector_store_config: {password: \"${NOPE}\"}"))
                .isInstanceOf(ConfigException.class);
        AstrocyteConfig c = load("vector_store_config: {path: \"${UNSET_DIR}/x\"}");
        assertThat(c.vectorStoreConfig()).containsEntry("path", "${UNSET_DIR}/x");
    }

    @Test
    void anUnknownKeyIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> load("homeostasis: {recal_max_tokens: 10}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("homeostasis.recal_max_tokens");
        assertThatThrownBy(() -> load("vectorstore: x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'vectorstore'");
    }

    @Test
    void aSpecKeyThatIsNotSupportedYetIsNamed() {
        assertThatThrownBy(() -> load("signal_quality: {quality_scoring: {enabled: true}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("signal_quality.quality_scoring")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> load("identity: {jwt_middleware: {enabled: true}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("identity.jwt_middleware");
        assertThatThrownBy(() -> load("multi_bank: {enabled: true}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("multi_bank");
    }

    @Test
    void theMcpSectionHasTheSpecDefaultsAndChecksItsLimit() throws Exception {
        McpConfig d = load("{}").mcp();
        assertThat(d.exposeReflect()).isTrue();
        assertThat(d.exposeForget()).isFalse();
        assertThat(d.exposeAdmin()).isFalse();
        assertThat(d.maxResultsLimit()).isEqualTo(50);
        assertThat(d.principal()).isNull();
        McpConfig c = load("mcp: {default_bank_id: team, expose_forget: true, max_results_limit: 7, principal: "
                + "'user:alice'}").mcp();
        assertThat(c.defaultBankId()).isEqualTo("team");
        assertThat(c.exposeForget()).isTrue();
        assertThat(c.maxResultsLimit()).isEqualTo(7);
        assertThat(c.principal()).isEqualTo("user:alice");
        assertThatThrownBy(() -> load("mcp: {max_results_limit: 5000}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mcp.max_results_limit");
        assertThatThrownBy(() -> load("mcp: {expose_forgot: true}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mcp.expose_forgot");
    }

    @Test
    void malformedUnreadableAndOutOfRangeConfigsAreNamed() {
        assertThatThrownBy(() -> load("homeostasis: [unclosed")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("malformed").hasMessageContaining("line");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> load("homeostasis: {recall_max_tokens: -5}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("homeostasis.recall_max_tokens");
        assertThatThrownBy(() -> load("access_control: {default_policy: sometimes}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("access_control.default_policy");
        assertThatThrownBy(() -> load("pipeline: {chunker: {strategy: words}}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("pipeline.chunker.strategy");
        assertThatThrownBy(() -> load("provider_tier: engine")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("provider_tier");
        assertThatThrownBy(() -> load("- a list")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mapping");
    }

    @Test
    void mapsBindLikeFiles() {
        AstrocyteConfig c = loader.fromMap(Map.of("vector_store", "in_memory",
                "homeostasis", Map.of("retain_max_content_bytes", 1000)));
        assertThat(c.vectorStore()).isEqualTo("in_memory");
        assertThat(c.homeostasis().retainMaxContentBytes()).isEqualTo(1000);
    }

    @Test
    void unknownKeysNameTheNearestValidKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load("homeostasis:\n  recal_max_tokens: 10\n"))
                .isInstanceOf(io.astrocyte.ConfigException.class)
                .hasMessageContaining("unknown config key 'homeostasis.recal_max_tokens'")
                .hasMessageContaining("(did you mean 'homeostasis.recall_max_tokens'?)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load("acess_control:\n  enabled: false\n"))
                .isInstanceOf(io.astrocyte.ConfigException.class)
                .hasMessageContaining("(did you mean 'access_control'?)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load("banananas: 1\n"))
                .isInstanceOf(io.astrocyte.ConfigException.class)
                .hasMessageContaining("unknown config key 'banananas'").hasMessageNotContaining("did you mean");
    }
}
