package io.astrocyte.benchmarks.speed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic memory-like sentences and questions for the speed benchmark (10–15 words each). */
public final class SyntheticText {

    private static final String[] NAMES = {"Alice", "Bob", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiro",
        "Ines", "Jonas", "Kemal", "Lena", "Marco", "Nadia", "Omar", "Priya"};
    private static final String[] VERBS = {"prefers", "bought", "visited", "cooked", "painted", "repaired", "booked",
        "recommended", "forgot", "planned", "shared", "adopted", "finished", "started", "cancelled", "reviewed"};
    private static final String[] OBJECTS = {"a green bicycle", "the quarterly report", "a vegetarian lasagna",
        "tickets to Lisbon", "an old piano", "the garden fence", "a yoga class", "a sci-fi novel", "two kittens",
        "the team offsite", "a sourdough starter", "a budget spreadsheet", "hiking boots", "a jazz record",
        "the kitchen sink", "a language course"};
    private static final String[] CONTEXTS = {"last weekend", "after work on Tuesday", "during the summer trip",
        "before the holidays", "with her sister", "with his colleagues", "early in the morning", "for the first time",
        "despite the rain", "on a tight budget", "as a birthday surprise", "after a long week"};

    private final Random random;

    public SyntheticText(long seed) {
        this.random = new Random(seed);
    }

    public List<String> sentences(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pick(NAMES) + " " + pick(VERBS) + " " + pick(OBJECTS) + " " + pick(CONTEXTS) + " (note " + i
                    + ").");
        }
        return out;
    }

    public List<String> questions(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add("What did " + pick(NAMES) + " do with " + pick(OBJECTS) + " " + pick(CONTEXTS) + "?");
        }
        return out;
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }
}
