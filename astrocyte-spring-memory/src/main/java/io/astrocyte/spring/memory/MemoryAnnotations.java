package io.astrocyte.spring.memory;

import io.astrocyte.Astrocyte;
import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.BeanFactory;

/**
 * What makes the memory annotations work: a Spring AOP pointcut advisor whose pointcut parses each candidate
 * method's annotations while the bean is being proxied, so an invalid expression or parameter fails the
 * creation of that bean, and with it startup. The Spring Boot auto-configuration registers it; in a plain
 * Spring context, declare it as a (static) bean next to an auto-proxy creator:
 *
 * <pre>{@code
 * @Bean static DefaultAdvisorAutoProxyCreator autoProxy() { return new DefaultAdvisorAutoProxyCreator(); }
 * @Bean static MemoryAnnotations memoryAnnotations(ConfigurableListableBeanFactory beans) {
 *     return new MemoryAnnotations(() -> beans.getBean(Astrocyte.class), beans);
 * }
 * }</pre>
 */
public final class MemoryAnnotations extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient MemoryAnnotationInterceptor interceptor;
    private final transient Pointcut pointcut;

    /**
     * @param brain the facade, looked up on first use so that proxying beans never forces it early
     * @param beans for {@code @bean} references in expressions; may be {@code null}
     */
    public MemoryAnnotations(Supplier<Astrocyte> brain, BeanFactory beans) {
        this.interceptor = new MemoryAnnotationInterceptor(brain, beans);
        this.pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return interceptor.plan(method, targetClass) != null;
            }
        };
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return interceptor;
    }
}
