package io.astrocyte.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code user_facts} auto-retain measured on a labelled set of realistic user messages
 * ({@code integration/user-messages.tsv}: statements about the user, questions, requests, small talk).
 * Precision: of the messages kept, the share that state something about the user. Recall: of those
 * that do, the share kept.
 */
class UserFactsTest {

    record Labelled(String label, String message) {
        boolean isFact() {
            return label.equals("F");
        }
    }

    static List<Labelled> corpus(String name) throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = UserFactsTest.class.getResourceAsStream("/integration/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t", 2);
                    out.add(new Labelled(parts[0], parts[1]));
                }
            }
        }
        return out;
    }

    /** Precision and recall on one labelled file; prints both and every mistake. */
    private static double[] measure(String name) throws IOException {
        List<Labelled> corpus = corpus(name);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> mistakes = new ArrayList<>();
        for (Labelled m : corpus) {
            boolean kept = UserFacts.extract(m.message()).isPresent();
            if (kept && m.isFact()) {
                tp++;
            } else if (kept) {
                fp++;
                mistakes.add("kept " + m.label() + ": " + m.message());
            } else if (m.isFact()) {
                fn++;
                mistakes.add("dropped F: " + m.message());
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("user_facts on %s, %d labelled messages (%d statements): precision %.3f, recall %.3f%n",
                name, corpus.size(), corpus.stream().filter(Labelled::isFact).count(), precision, recall);
        mistakes.forEach(x -> System.out.println("  " + x));
        return new double[] {precision, recall, corpus.size()};
    }

    @Test
    void keepsStatementsAboutTheUserAndDropsQuestionsRequestsAndSmallTalk() throws IOException {
        // The first set shaped the rules; the second was written afterwards and is reported separately.
        double[] tuning = measure("user-messages.tsv");
        double[] heldOut = measure("user-messages-heldout.tsv");
        assertThat(tuning[2] + heldOut[2]).isGreaterThanOrEqualTo(150);
        assertThat(tuning[0]).as("precision, tuning set").isGreaterThanOrEqualTo(0.95);
        assertThat(tuning[1]).as("recall, tuning set").isGreaterThanOrEqualTo(0.85);
        assertThat(heldOut[0]).as("precision, held-out set").isGreaterThanOrEqualTo(0.95);
        assertThat(heldOut[1]).as("recall, held-out set").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void onlyTheStatementsOfAMixedMessageAreKept() {
        assertThat(UserFacts.extract("Thanks! Also, my son starts school in September. Can you suggest a backpack?"))
                .contains("Also, my son starts school in September.");
        assertThat(UserFacts.extract("What is my favourite colour?")).isEmpty();
        assertThat(UserFacts.extract("Could you remember that I take my tea without sugar?"))
                .contains("Could you remember that I take my tea without sugar?");
        assertThat(UserFacts.extract("  ")).isEmpty();
        assertThat(UserFacts.extract(null)).isEmpty();
    }
}
