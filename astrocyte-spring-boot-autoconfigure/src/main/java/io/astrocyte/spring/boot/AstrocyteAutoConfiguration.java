package io.astrocyte.spring.boot;

import io.astrocyte.Astrocyte;
import io.astrocyte.config.AstrocyteConfig;
import io.astrocyte.identity.MemoryBindingResolver;
import io.astrocyte.spi.Embedder;
import io.astrocyte.spi.LlmProvider;
import io.astrocyte.spring.memory.MemoryScopes;
import io.astrocyte.springai.AstrocyteChatMemoryRepository;
import io.astrocyte.springai.AstrocyteDocumentRetriever;
import io.astrocyte.springai.AstrocyteMemoryAdvisor;
import io.astrocyte.springai.AstrocyteMemoryTools;
import io.astrocyte.springai.AstrocyteToolCallRecorder;
import io.astrocyte.springai.SpringAiEmbedder;
import io.astrocyte.springai.SpringAiLlm;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Governed long-term memory for a Spring Boot app from {@code astrocyte.*} properties: the {@link Astrocyte}
 * facade (embedded store in {@code astrocyte.data-dir} unless Qdrant is configured; the app's Spring AI
 * {@code EmbeddingModel} and {@code ChatModel} when it has exactly one of each; the app's Micrometer
 * registries), the memory advisor, memory tools, document retriever, optional tool-call recorder and chat
 * window repository, and the memory annotations. Every bean backs off when the app defines its own.
 *
 * <p>Identity for the advisor and tools: explicit {@code astrocyte.*} advisor or tool-context parameters →
 * the active {@code @MemoryScope} → the app's {@link MemoryBindingResolver} beans in order → the signed-in
 * Spring Security user (when present) → {@code astrocyte.binding.conversation-id-as-user}; otherwise calls
 * are refused.
 */
@AutoConfiguration(beforeName = "org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration")
@ConditionalOnBooleanProperty(name = "astrocyte.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AstrocyteProperties.class)
@Import({MemoryAnnotationsConfiguration.class, AstrocyteHealthConfiguration.class,
        AstrocyteEndpointConfiguration.class, SharedGovernanceConfiguration.class})
public class AstrocyteAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AstrocyteAutoConfiguration.class);
    private static final boolean SPRING_SECURITY = org.springframework.util.ClassUtils.isPresent(
            "org.springframework.security.core.context.SecurityContextHolder",
            AstrocyteAutoConfiguration.class.getClassLoader());

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "astrocyte.qdrant", name = "host")
    QdrantConnectionDetails astrocyteQdrantConnectionDetails(AstrocyteProperties properties) {
        AstrocyteProperties.Qdrant q = properties.getQdrant();
        return new PropertiesQdrantConnectionDetails(q.getHost(), q.getPort(), q.isTls(), q.getApiKey());
    }

    @Bean
    @ConditionalOnMissingBean
    AstrocyteConfig astrocyteConfig(Environment environment, ResourceLoader resources,
            AstrocyteProperties properties, ObjectProvider<QdrantConnectionDetails> qdrant) {
        return SpringConfigSource.load(environment, resources, properties, qdrant.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Astrocyte astrocyte(AstrocyteConfig config, AstrocyteProperties properties, Environment environment,
            ResourceLoader resources,
            ObjectProvider<Embedder> embedders, ObjectProvider<EmbeddingModel> embeddingModels,
            ObjectProvider<LlmProvider> llms, ObjectProvider<ChatModel> chatModels,
            ObjectProvider<io.astrocyte.spi.VectorStore> stores, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations, ObjectProvider<io.astrocyte.spi.AuditSink> audits,
            ObjectProvider<io.astrocyte.spi.GovernanceStore> governance,
            ObjectProvider<io.astrocyte.spi.RateLimitStore> rateLimits,
            ObjectProvider<io.astrocyte.spi.AccessPolicyProvider> policies,
            ObjectProvider<io.astrocyte.spi.MemoryEventListener> listeners) {
        // lifecycle rounds run on Spring's scheduling (astrocyteLifecycleScheduling), not the facade's own thread
        io.astrocyte.AstrocyteBuilder builder = Astrocyte.builder().config(config).environment(environment::getProperty)
                .dataDirectory(properties.getDataDir()).scheduleLifecycle(false);
        audits.ifUnique(builder::auditSink);
        governance.ifUnique(builder::governanceStore);
        rateLimits.ifUnique(builder::rateLimitStore);
        policies.ifUnique(builder::accessPolicyProvider);
        listeners.orderedStream().forEach(builder::listener);
        mipRules(config, resources, environment).ifPresent(builder::mipConfig);
        stores.ifUnique(builder::vectorStore);
        Embedder embedder = embedders.getIfUnique();
        if (embedder == null && properties.getSpringAi().isUseEmbeddingModel()) {
            EmbeddingModel model = embeddingModels.getIfUnique();
            if (model != null) {
                embedder = new SpringAiEmbedder(model, properties.getSpringAi().getEmbeddingModelId());
                LOG.info("Astrocyte embeds with the application's EmbeddingModel ({})", embedder.modelId());
            }
        }
        if (embedder != null) {
            builder.embedder(embedder);
        }
        LlmProvider llm = llms.getIfUnique();
        if (llm == null && properties.getSpringAi().isUseChatModel()) {
            ChatModel model = chatModels.getIfUnique();
            if (model != null) {
                llm = new SpringAiLlm(model);
            }
        }
        if (llm != null) {
            builder.llm(llm);
        }
        meters.ifUnique(builder::meterRegistry);
        observations.ifUnique(builder::observationRegistry);
        return builder.build();
    }

    /** Idle unless {@code lifecycle.run_interval_minutes} (from properties or the config file) is above 0. */
    @Bean
    @ConditionalOnMissingBean
    AstrocyteLifecycleScheduling astrocyteLifecycleScheduling(Astrocyte brain, AstrocyteConfig config,
            ObjectProvider<org.springframework.scheduling.TaskScheduler> schedulers) {
        return new AstrocyteLifecycleScheduling(brain,
                java.time.Duration.ofMinutes(config.lifecycle().runIntervalMinutes()), schedulers.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "astrocyte.advisor.enabled", matchIfMissing = true)
    AstrocyteMemoryAdvisor astrocyteMemoryAdvisor(Astrocyte brain, AstrocyteProperties properties,
            ObjectProvider<MemoryBindingResolver> resolvers) {
        AstrocyteProperties.Advisor a = properties.getAdvisor();
        return AstrocyteMemoryAdvisor.builder(brain).resolver(resolver(properties, resolvers)).source(a.getSource())
                .maxResults(a.getMaxResults()).maxTokens(a.getMaxTokens()).template(a.getTemplate())
                .autoRetain(a.getAutoRetain()).order(a.getOrder()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "astrocyte.tools.enabled", matchIfMissing = true)
    AstrocyteMemoryTools astrocyteMemoryTools(Astrocyte brain, AstrocyteProperties properties,
            ObjectProvider<MemoryBindingResolver> resolvers) {
        AstrocyteProperties.Tools t = properties.getTools();
        return AstrocyteMemoryTools.builder(brain).resolver(resolver(properties, resolvers))
                .maxResults(t.getMaxResults()).allowForget(t.isAllowForget()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "astrocyte.tools.record-calls")
    AstrocyteToolCallRecorder astrocyteToolCallRecorder(Astrocyte brain, AstrocyteProperties properties,
            ObjectProvider<MemoryBindingResolver> resolvers) {
        return AstrocyteToolCallRecorder.of(brain, resolver(properties, resolvers));
    }

    @Bean
    @ConditionalOnMissingBean
    AstrocyteDocumentRetriever astrocyteDocumentRetriever(Astrocyte brain, AstrocyteProperties properties,
            ObjectProvider<MemoryBindingResolver> resolvers) {
        return AstrocyteDocumentRetriever.builder(brain).resolver(resolver(properties, resolvers))
                .maxResults(properties.getAdvisor().getMaxResults()).build();
    }

    @Bean
    @ConditionalOnMissingBean(ChatMemoryRepository.class)
    @ConditionalOnBooleanProperty(name = "astrocyte.chat-memory.enabled")
    AstrocyteChatMemoryRepository astrocyteChatMemoryRepository(AstrocyteProperties properties) {
        Path dir = properties.getChatMemory().getDir() != null ? properties.getChatMemory().getDir()
                : properties.getDataDir().resolve("chat-memory");
        return AstrocyteChatMemoryRepository.in(dir);
    }

    /**
     * {@code astrocyte.mip-config-path} as a Spring resource ({@code classpath:mip.yaml}, {@code file:…}); a plain
     * path is left to the facade, which reads it from the file system.
     */
    static java.util.Optional<io.astrocyte.routing.MipConfig> mipRules(AstrocyteConfig config, ResourceLoader resources,
            Environment environment) {
        String path = config.mipConfigPath();
        if (path == null || !path.contains(":") || path.matches("^[A-Za-z]:[\\\\/].*")) {
            return java.util.Optional.empty();
        }
        org.springframework.core.io.Resource r = resources.getResource(path);
        if (!r.exists()) {
            throw new io.astrocyte.ConfigException("astrocyte.mip-config-path: " + path + " does not exist");
        }
        try (java.io.InputStream in = r.getInputStream()) {
            return java.util.Optional.of(new io.astrocyte.routing.MipLoader(environment::getProperty)
                    .parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), path));
        } catch (java.io.IOException e) {
            throw new io.astrocyte.ConfigException("astrocyte.mip-config-path: cannot read " + path + ": " + e, e);
        }
    }

    /**
     * Active @MemoryScope → the app's resolvers in order → the Spring Security user (when on the classpath and
     * enabled) → conversation id as user (when enabled).
     */
    static MemoryBindingResolver resolver(AstrocyteProperties properties, ObjectProvider<MemoryBindingResolver> app) {
        MemoryBindingResolver chain = MemoryScopes.resolver();
        List<MemoryBindingResolver> own = app.orderedStream().toList();
        for (MemoryBindingResolver r : own) {
            chain = chain.orElse(r);
        }
        if (properties.getBinding().isSpringSecurity() && SPRING_SECURITY) {
            chain = chain.orElse(new io.astrocyte.spring.boot.security.SpringSecurityBindingResolver(
                    properties.getBinding().getUserBankPrefix()));
        }
        if (properties.getBinding().isConversationIdAsUser()) {
            chain = chain.orElse(MemoryBindingResolver.conversationIdAsUser(properties.getBinding()
                    .getUserBankPrefix()));
        }
        return chain;
    }
}
