package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.spring.memory.MemoryScope;
import io.astrocyte.spring.memory.MemoryScopes;
import io.astrocyte.spring.memory.Recall;
import io.astrocyte.spring.memory.Remember;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The memory annotations fail at startup on mistakes, and behave at run time as documented. */
class MemoryAnnotationStartupTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return StarterContexts.withHashingEmbedder(dir);
    }

    public static class UnknownVariable {
        @MemoryScope(principal = "user:#{#usr}", bank = "user-#{#user}")
        public String hello(String user) {
            return user;
        }
    }

    public static class BadSyntax {
        @MemoryScope(principal = "#user.", bank = "b")
        public String hello(String user) {
            return user;
        }
    }

    public static class UnsupportedRecallType {
        @MemoryScope(principal = "user:a", bank = "user-a")
        public Object hello(String q, @Recall(query = "#q") Map<String, Object> memories) {
            return memories;
        }
    }

    public static class VoidRemember {
        @MemoryScope(principal = "user:a", bank = "user-a")
        @Remember
        public void hello(String note) {
        }
    }

    public static class AsyncRemember {
        @MemoryScope(principal = "user:a", bank = "user-a")
        @Remember
        public CompletableFuture<String> hello(String note) {
            return CompletableFuture.completedFuture(note);
        }
    }

    @Test
    void mistakesFailStartupNamingTheMethod() {
        runner().withBean(UnknownVariable.class).run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                .hasMessageContaining("UnknownVariable.hello").hasMessageContaining("#usr")
                .hasMessageContaining("[user]"));
        runner().withBean(BadSyntax.class).run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                .hasMessageContaining("BadSyntax.hello").hasMessageContaining("not valid SpEL"));
        runner().withBean(UnsupportedRecallType.class).run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .rootCause().hasMessageContaining("List<MemoryHit>, List<String>, String or RecallResult"));
        runner().withBean(VoidRemember.class).run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                .hasMessageContaining("void method needs a value expression"));
        runner().withBean(AsyncRemember.class).run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                .hasMessageContaining("CompletableFuture"));
    }

    /** Class-level scope, bean references, read banks, nested scopes, result expressions, blank identity. */
    @MemoryScope(principal = "#{@tenantNames.principal(#user)}", bank = "user-#{#user}", readBanks = "shared-faq")
    public static class Assistant {

        @Remember(value = "#user + ' asked about ' + #topic + ' and got ' + #result", tags = "log")
        public String answer(String user, String topic) {
            return "an answer about " + topic;
        }

        public String currentBank(String user) {
            return MemoryScopes.current().orElseThrow().defaultBank();
        }

        public RecallResult look(String user, String q, @Recall(query = "#q", tags = "log") RecallResult found) {
            return found;
        }

        public String text(String user, String q, @Recall(query = "#q") String found) {
            return found;
        }
    }

    public static class TenantNames {
        public String principal(String user) {
            return user.isBlank() ? "" : "user:" + user;
        }
    }

    @Test
    void classLevelScopeWithBeanReferencesAndResultExpressions() {
        runner().withBean("tenantNames", TenantNames.class).withBean(Assistant.class)
                .withPropertyValues("astrocyte.access-grants[0].bank-id=shared-faq",
                        "astrocyte.access-grants[0].principal=*", "astrocyte.access-grants[0].permissions=read")
                .run(ctx -> {
            assertThat(ctx).hasNotFailed();
            Assistant assistant = ctx.getBean(Assistant.class);
            Astrocyte brain = ctx.getBean(Astrocyte.class);
            assertThat(assistant.answer("fay", "parking")).isEqualTo("an answer about parking");
            assertThat(brain.recall(RecallRequest.builder("parking").bankId("user-fay").build(),
                    AstrocyteContext.of("user:fay")).hits()).singleElement().satisfies(h -> {
                        assertThat(h.text()).isEqualTo("fay asked about parking and got an answer about parking");
                        assertThat(h.tags()).containsExactly("log");
                    });
            assertThat(assistant.currentBank("fay")).isEqualTo("user-fay");
            assertThat(MemoryScopes.current()).as("scope ends with the call").isEmpty();
            assertThat(assistant.look("fay", "parking", null).hits()).hasSize(1);
            assertThat(assistant.text("fay", "parking", null)).contains("asked about parking");
            assertThat(assistant.text("gus", "parking", "ignored")).isEmpty();
            assertThatThrownBy(() -> assistant.answer("", "parking")).isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("@MemoryScope.principal");
        });
    }

    @Test
    void hooksCanBeSwitchedOff() {
        runner().withPropertyValues("astrocyte.annotations.enabled=false").withBean(UnknownVariable.class).run(ctx ->
                assertThat(ctx).hasNotFailed().hasSingleBean(Astrocyte.class));
    }

    @Test
    void listTargetsAndNoResults() {
        runner().withBean(Lists.class).run(ctx -> {
            Lists lists = ctx.getBean(Lists.class);
            assertThat(lists.hits("nothing here", null)).isEmpty();
        });
    }

    public static class Lists {
        @MemoryScope(principal = "user:h", bank = "user-h")
        public List<io.astrocyte.api.MemoryHit> hits(String q, @Recall(query = "#q") List<io.astrocyte.api.MemoryHit>
                found) {
            return found;
        }
    }
}
