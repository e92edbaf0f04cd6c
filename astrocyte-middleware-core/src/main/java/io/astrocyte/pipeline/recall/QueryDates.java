package io.astrocyte.pipeline.recall;

import io.astrocyte.api.TimeRange;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The time a question is about, read from its words and resolved against the question's own time: explicit dates
 * ({@code 2023-07-15}, {@code 15 July 2023}, {@code July 15, 2023}), months ({@code July 2023}, {@code in May}),
 * years ({@code in 2022}) and relative expressions ({@code yesterday}, {@code last week}, {@code last month},
 * {@code three weeks ago}). Dates without a year and relative expressions count back from the reference time, so
 * "in June" asked in December means the June just past.
 *
 * <p>The window is widened beyond the expression, later more than earlier: people tell of an event in the days
 * after it, and a memory's {@code occurred_at} is when it was told. {@code before <date>} and {@code after <date>}
 * open the window a month further on their side. When a question names several times, the window spans them all.
 * Times are read in UTC. No match means no window: the question is not about a time it names.
 */
public final class QueryDates {

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})" + ORDINAL + "\\s+(?:of\\s+)?(" + MONTHS + ")\\.?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})" + ORDINAL + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?,?\\s+(?:of\\s+)?(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})" + ORDINAL + "\\s+(?:of\\s+)?(" + MONTHS + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})" + ORDINAL + "\\b(?!\\s*:)", Pattern.CASE_INSENSITIVE);
    /**
     * A month named alone, in full: "may" and "march" only after a word that makes them months, never the verbs;
     * abbreviations only next to a day or year ("Jan" alone is a name).
     */
    private static final Pattern MONTH = Pattern.compile(
            "\\b(?:(?:in|during|since|until|by|before|after|early|late|mid|of|last|this|next|through)\\s+(may|march)|(january"
                    + "|february|april|june|july|august|september|october|november|december))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile(
            "\\b(?:in|during|of|since|until|by|through|year)\\s+((?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(yesterday|today|tonight|this morning|last night|(?:last|this|past) (?:week|weekend|month|year))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AGO = Pattern.compile(
            "\\b(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of)\\s+"
                    + "(day|week|month|year)s?\\s+ago\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE = Pattern.compile("\\bbefore\\s+(?:(?:in|on|during)\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER = Pattern.compile("\\bafter\\s+(?:(?:in|on|during)\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("a few", 3), Map.entry("a couple of", 2));

    private QueryDates() {
    }

    /**
     * @param query     the question
     * @param reference the question's time: "now" for relative expressions and dates without a year
     * @return the window on {@code occurred_at} the question names, or empty when it names no time
     */
    public static Optional<TimeRange> window(String query, Instant reference) {
        LocalDate today = LocalDate.ofInstant(reference, ZoneOffset.UTC);
        Hull hull = new Hull();
        // Each form is masked once read, so "15 July 2023" is not read again as "July 2023" or "15 July".
        StringBuilder text = new StringBuilder(query);
        for (MatchResult m : find(ISO, text)) {
            day(hull, text, m, date(parse(m.group(1)), parse(m.group(2)), parse(m.group(3))));
        }
        for (MatchResult m : find(DAY_MONTH_YEAR, text)) {
            day(hull, text, m, date(parse(m.group(3)), month(m.group(2)), parse(m.group(1))));
        }
        for (MatchResult m : find(MONTH_DAY_YEAR, text)) {
            day(hull, text, m, date(parse(m.group(3)), month(m.group(1)), parse(m.group(2))));
        }
        for (MatchResult m : find(MONTH_YEAR, text)) {
            YearMonth ym = yearMonth(parse(m.group(2)), month(m.group(1)));
            if (ym != null) {
                span(hull, text, m, ym.atDay(1), ym.atEndOfMonth(), 7, 14);
            }
        }
        for (MatchResult m : find(DAY_MONTH, text)) {
            day(hull, text, m, lastOnOrBefore(today, month(m.group(2)), parse(m.group(1))));
        }
        for (MatchResult m : find(MONTH_DAY, text)) {
            day(hull, text, m, lastOnOrBefore(today, month(m.group(1)), parse(m.group(2))));
        }
        for (MatchResult m : find(MONTH, text)) {
            int group = m.group(1) != null ? 1 : 2;
            YearMonth ym = YearMonth.of(today.getYear(), month(m.group(group)));
            if (ym.atDay(1).isAfter(today)) {
                ym = ym.minusYears(1);
            }
            span(hull, text, m, m.start(group), ym.atDay(1), ym.atEndOfMonth(), 7, 14);
        }
        for (MatchResult m : find(YEAR, text)) {
            int year = parse(m.group(1));
            span(hull, text, m, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 0, 30);
        }
        for (MatchResult m : find(RELATIVE, text)) {
            relative(hull, text, m, today, m.group(1).toLowerCase(Locale.ROOT));
        }
        for (MatchResult m : find(AGO, text)) {
            String count = m.group(1).toLowerCase(Locale.ROOT);
            int n = NUMBERS.containsKey(count) ? NUMBERS.get(count) : parse(count);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            LocalDate at = switch (unit) {
                case "day" -> today.minusDays(n);
                case "week" -> today.minusWeeks(n);
                case "month" -> today.minusMonths(n);
                default -> today.minusYears(n);
            };
            int slack = switch (unit) {
                case "day" -> 2;
                case "week" -> 4;
                case "month" -> 15;
                default -> 183;
            };
            span(hull, text, m, at, at, slack, slack);
        }
        return hull.range();
    }

    private static void relative(Hull hull, StringBuilder text, MatchResult m, LocalDate today, String what) {
        switch (what) {
            case "today", "tonight", "this morning" -> span(hull, text, m, today, today, 1, 1);
            case "yesterday", "last night" -> span(hull, text, m, today.minusDays(1), today.minusDays(1), 1, 1);
            case "last week", "past week" -> span(hull, text, m, today.minusDays(14), today.minusDays(1), 0, 1);
            case "this week" -> span(hull, text, m, today.minusDays(7), today, 0, 1);
            case "last weekend", "past weekend", "this weekend" ->
                    span(hull, text, m, today.minusDays(9), today, 0, 1);
            case "last month", "past month" -> {
                YearMonth last = YearMonth.from(today).minusMonths(1);
                span(hull, text, m, last.atDay(1), last.atEndOfMonth(), 7, 14);
            }
            case "this month" -> span(hull, text, m, YearMonth.from(today).atDay(1), today, 0, 1);
            case "last year", "past year" -> span(hull, text, m, LocalDate.of(today.getYear() - 1, 1, 1),
                    LocalDate.of(today.getYear() - 1, 12, 31), 0, 30);
            default -> span(hull, text, m, LocalDate.of(today.getYear(), 1, 1), today, 0, 1); // this year
        }
    }

    /** A named day: a week either side (a "week before" or a telling a few days later still falls inside). */
    private static void day(Hull hull, StringBuilder text, MatchResult m, LocalDate date) {
        if (date != null) {
            span(hull, text, m, date, date, 7, 7);
        }
    }

    /** Adds {@code [first - before, last + after]} (whole days), widened by a "before"/"after" just ahead of it. */
    private static void span(Hull hull, StringBuilder text, MatchResult m, LocalDate first, LocalDate last, int before,
            int after) {
        span(hull, text, m, m.start(), first, last, before, after);
    }

    /** @param at where the time itself starts in the match (after a leading preposition the match includes) */
    private static void span(Hull hull, StringBuilder text, MatchResult m, int at, LocalDate first, LocalDate last,
            int before, int after) {
        String ahead = text.substring(0, at);
        if (BEFORE.matcher(ahead).find()) {
            before += 30;
        } else if (AFTER.matcher(ahead).find()) {
            after += 30;
        }
        hull.add(first.minusDays(before), last.plusDays(after + 1));
        for (int i = m.start(); i < m.end(); i++) {
            text.setCharAt(i, ' ');
        }
    }

    /** Every match in the text as it stands (earlier, more specific forms already masked). */
    private static List<MatchResult> find(Pattern pattern, CharSequence text) {
        return pattern.matcher(text.toString()).results().toList();
    }

    private static LocalDate lastOnOrBefore(LocalDate today, int month, int day) {
        LocalDate d = date(today.getYear(), month, day);
        if (d != null && d.isAfter(today)) {
            d = date(today.getYear() - 1, month, day);
        }
        return d;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // "31 February": not a date, so not a window
        }
    }

    private static YearMonth yearMonth(int year, int month) {
        try {
            return YearMonth.of(year, month);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT); // unique for every month
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return m.getValue();
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static int parse(String digits) {
        return Integer.parseInt(digits);
    }

    /** The smallest window spanning every time found; days are UTC, the end exclusive. */
    private static final class Hull {
        private LocalDate from;
        private LocalDate to;

        void add(LocalDate start, LocalDate endExclusive) {
            from = from == null || start.isBefore(from) ? start : from;
            to = to == null || endExclusive.isAfter(to) ? endExclusive : to;
        }

        Optional<TimeRange> range() {
            return from == null ? Optional.empty() : Optional.of(new TimeRange(
                    from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
    }
}
