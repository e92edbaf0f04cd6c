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
 * The Spring AOP advisor behind the memory annotations. Its pointcut parses each candidate method's
 * annotations while the bean is being proxied, so an invalid expression or parameter fails the creation of
 * that bean, and with it startup. The starter registers it as an infrastructure bean; applications use the
 * annotations, not this class.
 */
public final class MemoryHooksAdvisor extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient MemoryHooksInterceptor interceptor;
    private final transient Pointcut pointcut;

    /**
     * @param brain the facade, looked up on first use so that proxying beans never forces it early
     * @param beans for {@code @bean} references in expressions; may be {@code null}
     */
    public MemoryHooksAdvisor(Supplier<Astrocyte> brain, BeanFactory beans) {
        this.interceptor = new MemoryHooksInterceptor(brain, beans);
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
