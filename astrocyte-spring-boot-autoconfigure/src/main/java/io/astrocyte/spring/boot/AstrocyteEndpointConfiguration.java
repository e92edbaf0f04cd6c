package io.astrocyte.spring.boot;

import io.astrocyte.Astrocyte;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bank-health actuator endpoint, when Spring Boot's actuator is on the classpath. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
class AstrocyteEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AstrocyteBanksEndpoint astrocyteBanksEndpoint(Astrocyte brain, AstrocyteProperties properties) {
        return new AstrocyteBanksEndpoint(brain, properties.getActuator().getPrincipal());
    }
}
