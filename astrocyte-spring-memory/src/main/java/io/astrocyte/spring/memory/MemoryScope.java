package io.astrocyte.spring.memory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the identity and banks of a method call, for {@link Remember}, {@link Recall}, the memory advisor,
 * the memory tools and any Astrocyte call made while the method runs:
 *
 * <pre>{@code
 * @MemoryScope(principal = "user:#{#user.id}", bank = "user-#{#user.id}")
 * public String answer(User user, String question) { return chatClient.prompt().user(question).call().content(); }
 * }</pre>
 *
 * <p>Values are SpEL templates: literal text with {@code #{…}} parts; a value that starts with {@code #} is
 * one whole expression ({@code "#user.id"}). Method parameters are variables by name (compile with
 * {@code -parameters}, as Spring Boot's build does) or as {@code #p0}, {@code #p1}; beans as {@code @name}.
 * Expressions are parsed and their variables checked when the bean is created. A value that evaluates to
 * blank fails the call with {@link io.astrocyte.AuthorizationException}; identity is never defaulted.
 * On a class, it applies to every public method that does not declare its own.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MemoryScope {

    /** The principal calls are made as, e.g. {@code user:#{#user.id}} or {@code agent:support}. */
    String principal();

    /** The bank retains go to; also the first bank read. */
    String bank();

    /** Further banks recalls read. */
    String[] readBanks() default {};

    /** The end user an agent principal acts for, if any. */
    String onBehalfOf() default "";

    /** The tenant, if any. */
    String tenant() default "";
}
