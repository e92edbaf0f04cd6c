package io.astrocyte.pipeline.recall;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.api.TimeRange;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryDatesTest {

    /** The question's time in every case: a Tuesday in mid-December. */
    private static final Instant ASKED = Instant.parse("2026-12-15T10:00:00Z");

    private static TimeRange window(String query) {
        Optional<TimeRange> w = QueryDates.window(query, ASKED);
        assertThat(w).as(query).isPresent();
        return w.get();
    }

    private static Instant day(String iso) {
        return Instant.parse(iso + "T00:00:00Z");
    }

    @Test
    void explicitDaysInEveryCommonFormGiveAWeekEitherSide() {
        TimeRange expected = new TimeRange(day("2023-07-08"), day("2023-07-23"));
        assertThat(window("What did Mel paint on 15 July 2023?")).isEqualTo(expected);
        assertThat(window("what happened on the 15th of July, 2023")).isEqualTo(expected);
        assertThat(window("What did Mel paint on July 15, 2023?")).isEqualTo(expected);
        assertThat(window("what did Mel paint on jul. 15th 2023")).isEqualTo(expected);
        assertThat(window("notes from 2023-07-15 please")).isEqualTo(expected);
    }

    @Test
    void aMonthWithAYearIsThatMonthWidenedLaterMoreThanEarlier() {
        assertThat(window("What setback did Melanie face in October 2023?"))
                .isEqualTo(new TimeRange(day("2023-09-24"), day("2023-11-15")));
        assertThat(window("any news from Feb 2024")) // leap year: February has 29 days
                .isEqualTo(new TimeRange(day("2024-01-25"), day("2024-03-15")));
    }

    @Test
    void datesWithoutAYearCountBackFromTheQuestionsTime() {
        // June has passed by mid-December: this year's; 20 December has not: last year's
        assertThat(window("When did we go camping in June?"))
                .isEqualTo(new TimeRange(day("2026-05-25"), day("2026-07-15")));
        assertThat(window("what did I buy on 20 December"))
                .isEqualTo(new TimeRange(day("2025-12-13"), day("2025-12-28")));
        assertThat(window("what did I buy on December 1st"))
                .isEqualTo(new TimeRange(day("2026-11-24"), day("2026-12-09")));
    }

    @Test
    void relativeExpressionsResolveAgainstTheReferenceTime() {
        assertThat(window("what did I cook yesterday?")).isEqualTo(new TimeRange(day("2026-12-13"), day("2026-12-16")));
        assertThat(window("who did I meet last week")).isEqualTo(new TimeRange(day("2026-12-01"), day("2026-12-16")));
        assertThat(window("what did I read last month?"))
                .isEqualTo(new TimeRange(day("2026-10-25"), day("2026-12-15")));
        assertThat(window("trips from last year")).isEqualTo(new TimeRange(day("2025-01-01"), day("2026-01-31")));
        assertThat(window("what did she say three weeks ago"))
                .isEqualTo(new TimeRange(day("2026-11-20"), day("2026-11-29")));
        assertThat(window("what did she say 2 days ago"))
                .isEqualTo(new TimeRange(day("2026-12-11"), day("2026-12-16")));
    }

    @Test
    void yearsCountOnlyAfterAWordThatMakesThemAYear() {
        assertThat(window("where did we travel in 2024?")).isEqualTo(new TimeRange(day("2024-01-01"), day("2025-01-31")));
        assertThat(QueryDates.window("my PIN is 2024 and my room 1987", ASKED)).isEmpty();
    }

    @Test
    void beforeAndAfterOpenTheWindowAMonthFurtherOnTheirSide() {
        assertThat(window("What did Maria do the weekend before April 10, 2023?"))
                .isEqualTo(new TimeRange(day("2023-03-04"), day("2023-04-18")));
        assertThat(window("what changed after May 2023"))
                .isEqualTo(new TimeRange(day("2023-04-24"), day("2023-07-15")));
        assertThat(window("what did we plan before in May?"))
                .isEqualTo(new TimeRange(day("2026-03-25"), day("2026-06-15")));
    }

    @Test
    void severalTimesGiveOneWindowSpanningThemAll() {
        assertThat(window("what happened between 3 June 2023 and 12 August 2023"))
                .isEqualTo(new TimeRange(day("2023-05-27"), day("2023-08-20")));
    }

    @Test
    void wordsThatOnlyLookLikeTimesAreNotTimes() {
        for (String q : new String[] {"May I ask what Caroline researched?", "Did they march to the city hall?",
                "What did Jan tell Mel about the dog?", "What is 15 plus 2023?", "Which sept. of the clan?",
                "What did she say about the meeting at 10:30?", "", "on 31 February 2023 nothing happened",
                "in the 99 days of summer"}) {
            if (q.contains("31 February")) {
                // not a date; "February 2023" alone still names the month
                assertThat(window(q)).isEqualTo(new TimeRange(day("2023-01-25"), day("2023-03-15")));
            } else {
                assertThat(QueryDates.window(q, ASKED)).as(q).isEmpty();
            }
        }
    }

    @Test
    void mayAndMarchAreMonthsOnlyAfterATimeWord() {
        assertThat(window("what did we do in may")).isEqualTo(new TimeRange(day("2026-04-24"), day("2026-06-15")));
        assertThat(window("plans for early March")).isEqualTo(new TimeRange(day("2026-02-22"), day("2026-04-15")));
    }

    @Test
    void hugeOrOddInputNeverThrows() {
        String noise = "in 9999 on 99 December 0000 12345678901234567890 days ago ".repeat(500);
        assertThat(QueryDates.window(noise, ASKED)).isPresent();
        assertThat(QueryDates.window("1000 years ago", ASKED)).isEmpty();
    }
}
