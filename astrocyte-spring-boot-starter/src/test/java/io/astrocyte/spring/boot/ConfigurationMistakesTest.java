package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.spi.Embedder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Mistyped or invalid {@code astrocyte.*} properties stop the application, naming the key and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationMistakesTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AstrocyteAutoConfiguration.class))
                .withBean(Embedder.class, () -> new HashingEmbedder(64))
                .withPropertyValues("astrocyte.data-dir=" + dir);
    }

    private void assertRefused(String property, String message) {
        runner().withPropertyValues(property).run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .hasStackTraceContaining(message));
    }

    @Test
    void typosInTheStartersOwnKeysFailWithTheNearestKey() {
        assertRefused("astrocyte.advisor.auto-retian=user_facts",
                "'astrocyte.advisor.auto-retian' is not an Astrocyte property (did you mean "
                        + "'astrocyte.advisor.auto-retain'?)");
        assertRefused("astrocyte.binding.conversation-id-as-usr=true",
                "did you mean 'astrocyte.binding.conversation-id-as-user'?");
        assertRefused("astrocyte.binding.conversationIdAsUsr=true", "did you mean 'astrocyte.binding.conversation-id-as-user'?");
        assertRefused("astrocyte.advisr.max-results=3", "did you mean 'astrocyte.advisor.max-results'?");
        assertRefused("astrocyte.acess-control.enabled=false", "did you mean 'astrocyte.access-control.enabled'?");
    }

    @Test
    void typosInsideTheAstrocyteYamlTreeFailWithTheNearestKey() {
        assertRefused("astrocyte.access-control.enabeld=false",
                "unknown config key 'access_control.enabeld' (did you mean 'access_control.enabled'?)");
        assertRefused("astrocyte.homeostasis.rate-limits.retain-per-minut=5",
                "did you mean 'homeostasis.rate_limits.retain_per_minute'?");
    }

    @Test
    void validKeysInEveryFormSpringAcceptsStart() {
        runner().withPropertyValues("astrocyte.advisor.auto-retain=user_facts", "astrocyte.advisor.maxResults=3",
                "astrocyte.binding.conversation_id_as_user=true", "astrocyte.access-control.enabled=true",
                "astrocyte.access-grants[0].bank-id=faq", "astrocyte.access-grants[0].principal=*",
                "astrocyte.access-grants[0].permissions=read", "astrocyte.banks.user-alice.profile=personal")
                .run(ctx -> assertThat(ctx).hasNotFailed());
    }

    @Test
    void environmentVariablesAreNotChecked() {
        runner().withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addLast(
                new SystemEnvironmentPropertySource("test-environment",
                        Map.of("ASTROCYTE_QDRANT_URL", "http://elsewhere:6334", "ASTROCYTE_SOMETHING_ELSE", "x"))))
                .run(ctx -> assertThat(ctx).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(AstrocyteAutoConfiguration.class)
    static class App {
        @Bean
        Embedder embedder() {
            return new HashingEmbedder(64);
        }
    }

    @Test
    void theApplicationFailedToStartReportNamesKeyProblemAndFix(CapturedOutput output) {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--astrocyte.data-dir=" + dir, "--astrocyte.advisor.auto-retian=user_facts",
                "--spring.main.banner-mode=off")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Astrocyte configuration error: 'astrocyte.advisor.auto-retian' is not an Astrocyte property "
                        + "(did you mean 'astrocyte.advisor.auto-retain'?)")
                .contains("Rename the property as suggested");
    }

    @Test
    void aBadValueInTheTreeIsReportedTheSameWay(CapturedOutput output) {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--astrocyte.data-dir=" + dir, "--astrocyte.profile=supprt",
                "--spring.main.banner-mode=off")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Astrocyte configuration error:")
                .contains("supprt").contains("Correct the astrocyte.* property");
    }
}
