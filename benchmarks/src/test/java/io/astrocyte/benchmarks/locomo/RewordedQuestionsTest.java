package io.astrocyte.benchmarks.locomo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.embedding.HashingEmbedder;
import io.astrocyte.pipeline.recall.QueryTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reworded-question shape: what it replaces, what it keeps, and that it is the same on every run. */
class RewordedQuestionsTest {

    private static final Instant T = Instant.parse("2023-05-08T13:56:00Z");

    private static LocomoDataset.Conversation conversation(List<LocomoDataset.Question> questions) {
        String[] texts = {"Ann: I painted a sunset over the lake yesterday", "Ben: my violin lessons start soon",
                "Ann: the artwork hangs near the canvas", "Ben: artwork and canvas and guitar and sunrise",
                "Ann: a guitar at sunrise by the river", "Ben: the river was calm, a pond really, pond water",
                "Ann: shoreline walks and shoreline photos"};
        List<LocomoDataset.Turn> turns = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            turns.add(new LocomoDataset.Turn("D1:" + (i + 1), 1, texts[i].substring(0, 3), texts[i], T));
        }
        return new LocomoDataset.Conversation("conv-1", turns, questions);
    }

    @Test
    void everySharedWordButNamesAndStopWordsIsReplacedByANonVariant() {
        LocomoDataset.Question q = new LocomoDataset.Question("What did Ann paint over the lake?", 4,
                Set.of("D1:1"));
        LocomoDataset.Question untouched = new LocomoDataset.Question("Adversarial?", 5, Set.of("D1:2"));
        RewordedQuestions r = RewordedQuestions.of(List.of(conversation(List.of(q, untouched))),
                new HashingEmbedder(64), 1.0);
        String text = r.text(q);
        assertThat(text).startsWith("What did Ann ").endsWith("?").contains(" over the ");
        Set<String> evidence = QueryTerms.wordsOf("Ann: I painted a sunset over the lake yesterday");
        for (String w : QueryTerms.of(text).terms()) {
            if (!w.equals("ann")) {
                assertThat(evidence).as(text).doesNotContain(w);
                assertThat(evidence.stream().anyMatch(e -> e.length() >= 4 && w.length() >= 4
                        && e.substring(0, 4).equals(w.substring(0, 4)))).as(w).isFalse();
            }
        }
        assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain("paint").doesNotContain("lake");
        assertThat(r.text(untouched)).as("category 5 is not asked").isEqualTo("Adversarial?");
        assertThat(r.summary()).contains("2 words").contains("in 1 questions");
    }

    @Test
    void aShareKeepsTheRestAndEveryRunRewordsAlike() {
        List<LocomoDataset.Question> qs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            qs.add(new LocomoDataset.Question("Did Ann paint the lake and the sunset yesterday, " + i + "?", 2,
                    Set.of("D1:1")));
        }
        LocomoDataset.Conversation c = conversation(qs);
        RewordedQuestions half = RewordedQuestions.of(List.of(c), new HashingEmbedder(64), 0.5);
        RewordedQuestions again = RewordedQuestions.of(List.of(c), new HashingEmbedder(64), 0.5);
        int kept = 0;
        for (LocomoDataset.Question q : qs) {
            assertThat(half.text(q)).isEqualTo(again.text(q));
            String lower = half.text(q).toLowerCase(Locale.ROOT);
            kept += (lower.contains("paint") ? 1 : 0) + (lower.contains("lake") ? 1 : 0)
                    + (lower.contains("sunset") ? 1 : 0) + (lower.contains("yesterday") ? 1 : 0);
        }
        assertThat(kept).as("about half of 80 shared words stay").isBetween(20, 60);
        assertThatThrownBy(() -> RewordedQuestions.of(List.of(c), new HashingEmbedder(64), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
