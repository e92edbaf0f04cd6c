package io.astrocyte.spring.boot;

import io.astrocyte.Astrocyte;
import io.astrocyte.spring.memory.MemoryAnnotations;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The memory annotations ({@code @MemoryScope}, {@code @Remember}, {@code @Recall}) through Spring AOP,
 * without AspectJ: an infrastructure advisor picked up by the infrastructure auto-proxy creator, which is
 * registered here when the app has none (the same mechanism as {@code @Transactional}).
 * {@code astrocyte.annotations.enabled=false} turns them off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "astrocyte.annotations.enabled", matchIfMissing = true)
@Import(MemoryAnnotationsConfiguration.AutoProxyRegistrar.class)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
class MemoryAnnotationsConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static MemoryAnnotations astrocyteMemoryAnnotations(ObjectProvider<Astrocyte> brain,
            ConfigurableListableBeanFactory beans) {
        return new MemoryAnnotations(brain::getObject, beans);
    }

    /** Makes sure an auto-proxy creator exists; an existing (e.g. AspectJ) one is kept or upgraded as usual. */
    static class AutoProxyRegistrar implements ImportBeanDefinitionRegistrar {
        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
        }
    }
}
