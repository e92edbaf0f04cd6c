package io.astrocyte.routing;

import java.util.List;

/** Helpers over the {@link Condition} tree. */
final class Conditions {

    private Conditions() {
    }

    /** The children of a combinator; none for a field test. */
    static List<Condition> parts(Condition c) {
        if (c instanceof Condition.All a) {
            return a.parts();
        }
        if (c instanceof Condition.Any a) {
            return a.parts();
        }
        if (c instanceof Condition.None n) {
            return n.parts();
        }
        return List.of();
    }
}
