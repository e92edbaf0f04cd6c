package io.astrocyte.spring.boot;

import io.astrocyte.Astrocyte;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The actuator health indicator, when Spring Boot's health module is on the classpath. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
class AstrocyteHealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "astrocyteHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("astrocyte")
    AstrocyteHealthIndicator astrocyteHealthIndicator(Astrocyte brain) {
        return new AstrocyteHealthIndicator(brain);
    }
}
