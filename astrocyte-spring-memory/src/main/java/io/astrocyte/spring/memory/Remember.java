package io.astrocyte.spring.memory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Retains something after the method returns normally, through the whole policy layer, in the bank of the
 * active {@link MemoryScope}. On a method it retains the return value; on a parameter, that argument.
 * {@link #value()} can instead give an expression over the parameters and {@code #result}. Null or blank
 * content retains nothing; a collection retains each element. When the method throws, nothing is retained.
 *
 * <pre>{@code
 * @MemoryScope(principal = "user:#{#userId}", bank = "user-#{#userId}")
 * @Remember(tags = "preference")
 * public String savePreference(String userId, @Remember(tags = "raw") String statement) { … }
 * }</pre>
 *
 * <p>A retain the policy layer refuses throws to the caller (the method's own work is done by then); a
 * duplicate or a skipped chunk is not an error.
 */
@Target({ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Remember {

    /** SpEL expression of what to retain; empty means the return value (method) or the argument (parameter). */
    String value() default "";

    /** Tags of the memory. */
    String[] tags() default {};

    /** Fact type, e.g. {@code world}, {@code experience}, {@code opinion}; empty leaves the default. */
    String factType() default "";
}
