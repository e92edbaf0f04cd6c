package io.astrocyte.spring.memory;

import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallRequest;
import io.astrocyte.api.RecallResult;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.ResolvedMemoryBinding;
import io.astrocyte.integration.BoundMemory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;

/**
 * Runs the memory annotations around a method call: binds the {@link MemoryScope}, fills {@link Recall}
 * parameters, calls the method, then retains what {@link Remember} names. Plans are parsed once per
 * method by {@link MemoryAnnotations} when beans are proxied.
 */
final class MemoryAnnotationInterceptor implements MethodInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Supplier<Astrocyte> brain;
    private final BeanFactory beans;
    private final Map<Method, MemoryAnnotationPlan> plans = new ConcurrentHashMap<>();

    MemoryAnnotationInterceptor(Supplier<Astrocyte> brain, BeanFactory beans) {
        this.brain = brain;
        this.beans = beans;
    }

    /** The plan of a method, parsed on first use; {@code null} when it has no memory annotations. */
    MemoryAnnotationPlan plan(Method method, Class<?> targetClass) {
        MemoryAnnotationPlan cached = plans.get(method);
        if (cached != null) {
            return cached;
        }
        MemoryAnnotationPlan plan = MemoryAnnotationPlan.of(method, targetClass);
        if (plan != null) {
            plans.put(method, plan);
        }
        return plan;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> target = invocation.getThis() == null ? null : invocation.getThis().getClass();
        MemoryAnnotationPlan plan = plan(invocation.getMethod(), target);
        if (plan == null) {
            return invocation.proceed();
        }
        Object[] args = invocation.getArguments();
        ResolvedMemoryBinding binding = plan.scope() != null ? bind(plan, args)
                : MemoryScopes.current().orElse(null);
        if (binding == null) {
            if (plan.needsBinding()) {
                throw new AuthorizationException("no memory scope for " + describe(plan.method())
                        + ": annotate it or its class with @MemoryScope, or call it inside a @MemoryScope method");
            }
            return invocation.proceed();
        }
        MemoryScopes.push(binding);
        try {
            for (MemoryAnnotationPlan.RecallParameter r : plan.recalls()) {
                args[r.index()] = recall(plan, r, args, binding);
            }
            Object result = invocation.proceed();
            for (MemoryAnnotationPlan.Remembered r : plan.remembers()) {
                remember(plan, r, args, result, binding);
            }
            return result;
        } finally {
            MemoryScopes.pop();
        }
    }

    private ResolvedMemoryBinding bind(MemoryAnnotationPlan plan, Object[] args) {
        EvaluationContext ctx = context(plan, args, null);
        MemoryAnnotationPlan.Scope s = plan.scope();
        String principal = text(s.principal(), ctx, "principal", plan);
        String bank = text(s.bank(), ctx, "bank", plan);
        List<String> read = new ArrayList<>();
        for (Expression e : s.readBanks()) {
            read.add(text(e, ctx, "readBanks", plan));
        }
        AstrocyteContext context = AstrocyteContext.of(principal);
        if (s.onBehalfOf() != null) {
            context = context.onBehalfOf(text(s.onBehalfOf(), ctx, "onBehalfOf", plan));
        }
        if (s.tenant() != null) {
            context = context.withTenant(text(s.tenant(), ctx, "tenant", plan));
        }
        return new ResolvedMemoryBinding(context, bank, read, null, null);
    }

    private static String text(Expression e, EvaluationContext ctx, String what, MemoryAnnotationPlan plan) {
        Object value = e.getValue(ctx);
        if (value == null || value.toString().isBlank()) {
            throw new AuthorizationException("@MemoryScope." + what + " of " + describe(plan.method())
                    + " evaluated to " + (value == null ? "null" : "a blank value") + " ('"
                    + e.getExpressionString() + "')");
        }
        return value.toString();
    }

    private Object recall(MemoryAnnotationPlan plan, MemoryAnnotationPlan.RecallParameter r, Object[] args,
            ResolvedMemoryBinding binding) {
        Object query = r.query().getValue(context(plan, args, null));
        if (query == null || query.toString().isBlank()) {
            return empty(r.target());
        }
        RecallRequest.Builder request = RecallRequest.builder(query.toString()).banks(binding.readBanks())
                .strategy(binding.strategy()).maxResults(r.maxResults());
        if (!r.tags().isEmpty()) {
            request.tags(r.tags());
        }
        RecallResult result = brain.get().recall(request.build(), binding.context());
        return switch (r.target()) {
            case RESULT -> result;
            case HITS -> result.hits();
            case TEXTS -> result.hits().stream().map(MemoryHit::text).toList();
            case TEXT -> String.join("\n", result.hits().stream().map(MemoryHit::text).toList());
        };
    }

    private static Object empty(MemoryAnnotationPlan.Target target) {
        return switch (target) {
            case RESULT -> new RecallResult(List.of(), 0, false, null, null);
            case HITS, TEXTS -> List.of();
            case TEXT -> "";
        };
    }

    private void remember(MemoryAnnotationPlan plan, MemoryAnnotationPlan.Remembered r, Object[] args, Object result,
            ResolvedMemoryBinding binding) {
        Object content;
        if (r.value() != null) {
            content = r.value().getValue(context(plan, args, result));
        } else {
            content = r.parameter() < 0 ? result : args[r.parameter()];
        }
        List<Object> items = new ArrayList<>();
        if (content instanceof Collection<?> c) {
            items.addAll(c);
        } else if (content != null) {
            items.add(content);
        }
        for (Object item : items) {
            if (item == null || item.toString().isBlank()) {
                continue;
            }
            // The method has succeeded: a refused or failed retain is logged, never thrown over its result.
            BoundMemory.retainQuietly(brain.get(), () -> binding, bank -> {
                RetainRequest.Builder request = RetainRequest.builder(bank, item.toString())
                        .source("spring:@Remember " + describe(plan.method()));
                if (!r.tags().isEmpty()) {
                    request.tags(r.tags());
                }
                if (r.factType() != null) {
                    request.factType(r.factType());
                }
                return request.build();
            }, "@Remember on " + describe(plan.method()));
        }
    }

    private EvaluationContext context(MemoryAnnotationPlan plan, Object[] args, Object result) {
        MethodBasedEvaluationContext ctx = new MethodBasedEvaluationContext(null, plan.method(), args, NAMES);
        if (beans != null) {
            ctx.setBeanResolver(new BeanFactoryResolver(beans));
        }
        if (result != null) {
            ctx.setVariable("result", result);
        }
        return ctx;
    }

    private static String describe(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    }
}
