package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.api.RetainResult;
import io.astrocyte.identity.AstrocyteContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code astrocyte.mip-config-path} in the starter, from the classpath or a file. */
class MipStarterTest {

    @TempDir
    Path dir;

    @Test
    void routingRulesComeFromAClasspathResource() {
        StarterContexts.withHashingEmbedder(dir).withPropertyValues(
                "astrocyte.mip-config-path=classpath:mip/support-routing.yaml",
                "astrocyte.access-grants[0].bank-id=*", "astrocyte.access-grants[0].principal=agent:desk",
                "astrocyte.access-grants[0].permissions=read,write").run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    RetainResult r = ctx.getBean(Astrocyte.class).retain(RetainRequest.builder("inbox",
                            "Printer on floor 3 jams").metadata(Map.of("kind", "ticket", "customer", "acme")).build(),
                            AstrocyteContext.of("agent:desk"));
                    assertThat(r.routing().ruleName()).isEqualTo("tickets");
                    assertThat(r.routing().bankId()).isEqualTo("support-acme");
                });
    }

    @Test
    void aMissingResourceFailsStartupByName() {
        StarterContexts.withHashingEmbedder(dir).withPropertyValues("astrocyte.mip-config-path=classpath:mip/none.yaml")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("mip/none.yaml"));
    }
}
