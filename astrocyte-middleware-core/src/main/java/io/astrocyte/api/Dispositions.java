package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;

/**
 * How reflect should lean when it synthesizes an answer (SPEC §5.3); each trait is 1–5, 3 is neutral.
 *
 * @param skepticism high: question weak or conflicting evidence; low: take memories at face value
 * @param literalism high: answer only what is stated; low: allow reasonable inference
 * @param empathy    high: acknowledge feelings and context; low: just the facts
 */
public record Dispositions(int skepticism, int literalism, int empathy) {

    public static final Dispositions NEUTRAL = new Dispositions(3, 3, 3);

    public Dispositions {
        check("skepticism", skepticism);
        check("literalism", literalism);
        check("empathy", empathy);
    }

    private static void check(String name, int v) {
        if (v < 1 || v > 5) {
            throw new InvalidRequestException("dispositions." + name, "must be 1-5, got " + v);
        }
    }
}
