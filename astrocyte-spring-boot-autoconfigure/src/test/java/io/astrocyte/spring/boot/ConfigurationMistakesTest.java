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
        return StarterContexts.withHashingEmbedder(dir);
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

    /** Starts {@link App} as {@code SpringApplication.run} would, with these extra arguments; it must fail. */
    private void startFails(String... args) {
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--astrocyte.data-dir=" + dir,
                "--spring.main.banner-mode=off"), java.util.Arrays.stream(args)).toArray(String[]::new);
        assertThatThrownBy(() -> app.run(all)).isNotNull();
    }

    @Test
    void theApplicationFailedToStartReportNamesKeyProblemAndFix(CapturedOutput output) {
        startFails("--astrocyte.advisor.auto-retian=user_facts");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Astrocyte configuration error: 'astrocyte.advisor.auto-retian' is not an Astrocyte property "
                        + "(did you mean 'astrocyte.advisor.auto-retain'?)")
                .contains("Rename the property as suggested");
    }

    @Test
    void aBadValueInTheTreeIsReportedTheSameWay(CapturedOutput output) {
        startFails("--astrocyte.profile=supprt");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Astrocyte configuration error:")
                .contains("supprt").contains("Correct the astrocyte.* property");
    }
}
