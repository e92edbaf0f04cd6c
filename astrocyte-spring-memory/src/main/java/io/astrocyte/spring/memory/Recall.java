package io.astrocyte.spring.memory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Replaces a parameter with memories recalled for the active {@link MemoryScope} before the method runs.
 * The parameter may be a {@code List<MemoryHit>}, a {@code List<String>} (texts), a {@code String} (one
 * line per memory, empty when none) or a {@code RecallResult}; other types fail at startup. Callers pass
 * {@code null} (or anything) for it.
 *
 * <pre>{@code
 * public String answer(String question, @Recall(query = "#question", maxResults = 3) List<String> memories)
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Recall {

    /** SpEL expression of the query over the other parameters, e.g. {@code #question}. */
    String query();

    /** Memories recalled at most. */
    int maxResults() default 5;

    /** Only memories with any of these tags. */
    String[] tags() default {};
}
