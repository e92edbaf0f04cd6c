package io.astrocyte.spring.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.store.memory.InMemoryGovernanceStore;
import io.astrocyte.store.memory.InMemoryVectorStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.autoproxy.DefaultAdvisorAutoProxyCreator;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The annotations in a plain Spring application context, without Spring Boot: the advisor as a bean and
 * Spring's own auto-proxy creator are all it takes.
 */
class PlainSpringMemoryAnnotationsTest {

    /** An application service using the annotations. */
    public static class Diary {

        @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
        @Remember(tags = "diary")
        public String write(String userId, String entry) {
            return entry.strip();
        }

        @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
        public List<String> read(String userId, String topic, @Recall(query = "#topic") List<String> memories) {
            return memories;
        }

        public String unscoped(@Remember String note) {
            return note;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class App {

        @Bean(destroyMethod = "close")
        Astrocyte brain() {
            return Astrocyte.builder().vectorStore(new InMemoryVectorStore()).embedder(new HashingEmbedder(64))
                    .governanceStore(new InMemoryGovernanceStore()).config(AstrocyteConfig.defaultConfig()).build();
        }

        @Bean
        static DefaultAdvisorAutoProxyCreator autoProxy() {
            return new DefaultAdvisorAutoProxyCreator();
        }

        @Bean
        static MemoryAnnotations memoryAnnotations(ConfigurableListableBeanFactory beans) {
            return new MemoryAnnotations(() -> beans.getBean(Astrocyte.class), beans);
        }

        @Bean
        Diary diary() {
            return new Diary();
        }
    }

    @Test
    void annotationsWorkInAPlainApplicationContext() {
        try (AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext(App.class)) {
            Diary diary = ctx.getBean(Diary.class);
            assertThat(diary.write("ana", "  Ana planted tomatoes in May  ")).isEqualTo("Ana planted tomatoes in May");
            Astrocyte brain = ctx.getBean(Astrocyte.class);
            List<MemoryHit> hits = brain.recall(RecallRequest.builder("tomatoes").bankId("user-ana").build(),
                    AstrocyteContext.of("user:ana")).hits();
            assertThat(hits).extracting(MemoryHit::text).containsExactly("Ana planted tomatoes in May");
            assertThat(hits.get(0).tags()).containsExactly("diary");

            assertThat(diary.read("ana", "tomatoes", null)).containsExactly("Ana planted tomatoes in May");
            assertThat(diary.read("ben", "tomatoes", List.of("replaced"))).as("another user's scope").isEmpty();
            assertThatThrownBy(() -> diary.unscoped("x")).isInstanceOf(AuthorizationException.class)
                    .hasMessageContaining("no memory scope");
        }
    }
}
