package io.astrocyte.spring.memory;

import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.RecallResult;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * What the memory annotations ask of one method, parsed and checked once when its bean is proxied: a
 * wrong expression, an unknown variable or an unsupported parameter type is an
 * {@link IllegalStateException} naming the method, which fails startup.
 */
record MemoryAnnotationPlan(Method method, Scope scope, List<RecallParameter> recalls, List<Remembered> remembers) {

    /** Where {@code @MemoryScope} values come from. */
    record Scope(Expression principal, Expression bank, List<Expression> readBanks, Expression onBehalfOf,
            Expression tenant) {
    }

    /** How a {@code @Recall} parameter is filled. */
    enum Target { HITS, TEXTS, TEXT, RESULT }

    record RecallParameter(int index, Expression query, int maxResults, List<String> tags, Target target) {
    }

    /** {@code parameter} is -1 for the return value. */
    record Remembered(int parameter, Expression value, List<String> tags, String factType) {
    }

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final TemplateParserContext TEMPLATE = new TemplateParserContext();
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** {@code null} when the method carries none of the annotations. */
    static MemoryAnnotationPlan of(Method interfaceOrClassMethod, Class<?> targetClass) {
        Method method = targetClass == null ? interfaceOrClassMethod
                : AopUtils.getMostSpecificMethod(interfaceOrClassMethod, targetClass);
        if (method.getDeclaringClass() == Object.class) {
            return null;
        }
        MemoryScope scopeAnnotation = AnnotatedElementUtils.findMergedAnnotation(method, MemoryScope.class);
        if (scopeAnnotation == null && targetClass != null && Modifier.isPublic(method.getModifiers())) {
            scopeAnnotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, MemoryScope.class);
        }
        Remember onMethod = AnnotatedElementUtils.findMergedAnnotation(method, Remember.class);
        boolean onParameters = Arrays.stream(method.getParameters()).anyMatch(p ->
                p.isAnnotationPresent(Remember.class) || p.isAnnotationPresent(Recall.class));
        if (scopeAnnotation == null && onMethod == null && !onParameters) {
            return null;
        }
        Checker check = new Checker(method);
        Scope scope = scopeAnnotation == null ? null : check.scope(scopeAnnotation);
        List<RecallParameter> recalls = new ArrayList<>();
        List<Remembered> remembers = new ArrayList<>();
        for (int i = 0; i < method.getParameterCount(); i++) {
            Recall recall = method.getParameters()[i].getAnnotation(Recall.class);
            if (recall != null) {
                recalls.add(check.recall(i, recall));
            }
            Remember remember = method.getParameters()[i].getAnnotation(Remember.class);
            if (remember != null) {
                remembers.add(new Remembered(i, check.optional("@Remember.value", remember.value(), false),
                        List.of(remember.tags()), blankToNull(remember.factType())));
            }
        }
        if (onMethod != null) {
            remembers.add(check.rememberResult(onMethod));
        }
        return new MemoryAnnotationPlan(method, scope, List.copyOf(recalls), List.copyOf(remembers));
    }

    boolean needsBinding() {
        return !recalls.isEmpty() || !remembers.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Parses and checks the expressions of one method. */
    private static final class Checker {
        private final Method method;
        private final Set<String> variables = new HashSet<>();
        private final boolean named;

        Checker(Method method) {
            this.method = method;
            String[] names = NAMES.getParameterNames(method);
            this.named = names != null;
            if (names != null) {
                variables.addAll(Arrays.asList(names));
            }
            for (int i = 0; i < method.getParameterCount(); i++) {
                variables.add("p" + i);
                variables.add("a" + i);
            }
            variables.add("root");
            variables.add("this");
        }

        Scope scope(MemoryScope s) {
            List<Expression> read = new ArrayList<>();
            for (String b : s.readBanks()) {
                read.add(required("@MemoryScope.readBanks", b));
            }
            return new Scope(required("@MemoryScope.principal", s.principal()), required("@MemoryScope.bank", s.bank()),
                    List.copyOf(read), optional("@MemoryScope.onBehalfOf", s.onBehalfOf(), true),
                    optional("@MemoryScope.tenant", s.tenant(), true));
        }

        RecallParameter recall(int index, Recall r) {
            if (r.maxResults() <= 0) {
                throw fail("@Recall.maxResults must be positive, got " + r.maxResults());
            }
            Expression query = r.query().isBlank() ? null : parse("@Recall.query", r.query(), false);
            if (query == null) {
                throw fail("@Recall.query is empty");
            }
            return new RecallParameter(index, query, r.maxResults(), List.of(r.tags()),
                    target(method.getGenericParameterTypes()[index]));
        }

        Remembered rememberResult(Remember r) {
            Class<?> returns = method.getReturnType();
            if (Future.class.isAssignableFrom(returns) || java.util.concurrent.CompletionStage.class
                    .isAssignableFrom(returns) || isPublisher(returns)) {
                throw fail("@Remember on a method returning " + returns.getSimpleName()
                        + " is not supported: the result is not there when the method returns; retain it where it is"
                        + " produced");
            }
            if (r.value().isBlank() && (returns == void.class || returns == Void.class)) {
                throw fail("@Remember on a void method needs a value expression, e.g. @Remember(\"#note\")");
            }
            variables.add("result");
            Expression value = optional("@Remember.value", r.value(), false);
            variables.remove("result");
            return new Remembered(-1, value, List.of(r.tags()), blankToNull(r.factType()));
        }

        private Expression required(String what, String text) {
            if (text == null || text.isBlank()) {
                throw fail(what + " is empty");
            }
            return parse(what, text, true);
        }

        private Expression optional(String what, String text, boolean template) {
            return text == null || text.isBlank() ? null : parse(what, text, template);
        }

        /** Templates: literal text with #{…}; text starting with # is one expression; else a literal. */
        private Expression parse(String what, String text, boolean template) {
            Expression e;
            try {
                if (!template || text.startsWith("#") && !text.startsWith("#{")) {
                    e = PARSER.parseExpression(text);
                } else if (text.contains("#{")) {
                    e = PARSER.parseExpression(text, TEMPLATE);
                } else {
                    e = new LiteralExpression(text);
                }
            } catch (ParseException ex) {
                throw fail(what + " '" + text + "' is not valid SpEL: " + ex.getSimpleMessage());
            }
            check(what, e);
            return e;
        }

        private void check(String what, Expression e) {
            if (e instanceof CompositeStringExpression c) {
                for (Expression part : c.getExpressions()) {
                    check(what, part);
                }
            } else if (e instanceof SpelExpression s) {
                walk(what, s.getAST());
            }
        }

        private void walk(String what, SpelNode node) {
            if (node instanceof VariableReference) {
                String name = node.toStringAST().substring(1);
                if (!variables.contains(name)) {
                    throw fail(what + " uses #" + name + ", which is not a parameter of the method"
                            + (named ? " (parameters: " + Arrays.toString(NAMES.getParameterNames(method)) + ")"
                            : "; parameter names are not available, compile with -parameters or use #p0, #p1, …"));
                }
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                walk(what, node.getChild(i));
            }
        }

        private Target target(Type type) {
            Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                    : type instanceof Class<?> c ? c : Object.class;
            if (raw == String.class) {
                return Target.TEXT;
            }
            if (raw == RecallResult.class) {
                return Target.RESULT;
            }
            if ((raw == List.class || raw == java.util.Collection.class) && type instanceof ParameterizedType p) {
                Type element = p.getActualTypeArguments()[0];
                if (element == MemoryHit.class) {
                    return Target.HITS;
                }
                if (element == String.class) {
                    return Target.TEXTS;
                }
            }
            throw fail("@Recall parameter of type " + type.getTypeName()
                    + " is not supported (List<MemoryHit>, List<String>, String or RecallResult)");
        }

        private static boolean isPublisher(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Class<?> i : c.getInterfaces()) {
                    if (i.getName().equals("org.reactivestreams.Publisher")) {
                        return true;
                    }
                }
            }
            return type.getName().equals("org.reactivestreams.Publisher");
        }

        private IllegalStateException fail(String message) {
            return new IllegalStateException("memory annotations on " + method.getDeclaringClass().getName() + "."
                    + method.getName() + ": " + message);
        }
    }
}
