package dev.troopwatch.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * Resolves the time expression nearest to a status word against the publication date: "on Feb 27" and
 * "February 27, 2024" (a day), "on Friday" (the last such day up to publication), "in February" / "since
 * mid-January" (a month, or from then until publication), "in 2024" (a year), "last week", "earlier this month",
 * "last year". Without a publication date only expressions that carry their year resolve.
 */
final class EventTimeResolver {
    private EventTimeResolver() {
    }

    static EventTime resolve(Sentence s, int anchor, LocalDate published) {
        EventTime best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int k = s.from; k < s.to; k++) {
            Candidate c = at(s, k, published);
            if (c != null && c.time != null && related(s, k, anchor)) {
                int distance = Math.abs(k - anchor);
                if (distance < bestDistance) {
                    best = c.time;
                    bestDistance = distance;
                }
                k = Math.max(k, c.end - 1);
            }
        }
        return best;
    }

    private record Candidate(EventTime time, int end) {
    }

    /** A date without a year up to this far after publication is upcoming ("by October 29"), not last year's. */
    private static final int UPCOMING_DAYS = 62;

    /** Window within which a time expression dates a status word. */
    private static final int WINDOW = 10;

    /** Near enough, and not inside a relative clause of its own ("a process that began in March"). */
    private static boolean related(Sentence s, int time, int anchor) {
        if (Math.abs(time - anchor) > WINDOW) {
            return false;
        }
        for (int k = Math.min(time, anchor) + 1; k < Math.max(time, anchor); k++) {
            String f = s.form(k);
            if (f.equals("that") || f.equals("which") || f.equals("who") || f.equals(";")) {
                return false;
            }
        }
        return true;
    }

    private static Candidate at(Sentence s, int k, LocalDate published) {
        Hit time = s.at(k, LexKind.TIME);
        String prev = s.form(k - 1);
        boolean since = prev.equals("since") || (prev.equals("mid") && s.form(k - 2).equals("since"))
                || (prev.equals("-") && s.form(k - 2).equals("mid") && s.form(k - 3).equals("since"));
        try {
            if (time != null) {
                switch (time.code()) {
                    case "MONTH" -> {
                        if (time.entry().value() == 5 && !s.tokens.capitalised(k)) {
                            return null; // "may" the modal
                        }
                        return month(s, time, published, since);
                    }
                    case "WEEKDAY" -> {
                        if (published == null) {
                            return null;
                        }
                        DayOfWeek dow = DayOfWeek.of((int) time.entry().value());
                        LocalDate d = published.with(TemporalAdjusters.previousOrSame(dow));
                        return new Candidate(since ? new EventTime(d, published) : EventTime.on(d), time.end());
                    }
                    default -> {
                        return published == null ? null : new Candidate(relative(time.entry().detail(), published),
                                time.end());
                    }
                }
            }
            if (s.tokens.number(k) && s.form(k).length() == 4 && (prev.equals("in") || prev.equals("since")
                    || prev.equals("of") || prev.equals("during") || prev.equals("early") || prev.equals("late"))) {
                int year = Integer.parseInt(s.form(k));
                if (year >= 1900 && year <= 2100) {
                    LocalDate from = LocalDate.of(year, 1, 1);
                    LocalDate to = LocalDate.of(year, 12, 31);
                    if (since) {
                        return new Candidate(new EventTime(from, published), k + 1);
                    }
                    return new Candidate(new EventTime(from, to), k + 1);
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null; // "February 31": not a date, so no time
        }
        return null;
    }

    private static Candidate month(Sentence s, Hit time, LocalDate published, boolean since) {
        int month = (int) time.entry().value();
        int k = time.end();
        if (s.tokens.is(k, ".")) {
            k++;
        }
        Integer day = null;
        Integer year = null;
        if (k < s.to && s.tokens.number(k) && s.form(k).length() <= 2) {
            day = Integer.parseInt(s.form(k));
            k++;
            if (s.tokens.is(k, ",") && s.tokens.number(k + 1) && s.form(k + 1).length() == 4) {
                year = Integer.parseInt(s.form(k + 1));
                k += 2;
            }
        } else if (k < s.to && s.tokens.number(k) && s.form(k).length() == 4) {
            year = Integer.parseInt(s.form(k));
            k++;
        }
        int before = time.start() - 1;
        if (day == null && s.tokens.number(before) && s.form(before).length() <= 2) {
            day = Integer.parseInt(s.form(before)); // "27 February"
        }
        if (year == null) {
            if (published == null) {
                return null;
            }
            year = published.getYear();
            LocalDate probe = LocalDate.of(year, month, day == null ? 1 : day);
            if (probe.isAfter(published.plusDays(UPCOMING_DAYS))) {
                year = year - 1; // "in December" read in January is last December; "by Jan 31" is this one
            }
        }
        if (day != null) {
            LocalDate d = LocalDate.of(year, month, day);
            return new Candidate(since && published != null && !published.isBefore(d) ? new EventTime(d, published)
                    : EventTime.on(d), k);
        }
        YearMonth ym = YearMonth.of(year, month);
        if (since && published != null && !published.isBefore(ym.atDay(1))) {
            return new Candidate(new EventTime(ym.atDay(1), published), k);
        }
        return new Candidate(new EventTime(ym.atDay(1), ym.atEndOfMonth()), k);
    }

    private static EventTime relative(String rule, LocalDate p) {
        return switch (rule) {
            case "TODAY" -> EventTime.on(p);
            case "YESTERDAY" -> EventTime.on(p.minusDays(1));
            case "LAST_WEEK" -> new EventTime(p.minusDays(7).with(DayOfWeek.MONDAY),
                    p.minusDays(7).with(DayOfWeek.SUNDAY));
            case "THIS_WEEK" -> new EventTime(p.with(DayOfWeek.MONDAY), p);
            case "THIS_MONTH" -> new EventTime(p.withDayOfMonth(1), p);
            case "LAST_MONTH" -> new EventTime(YearMonth.from(p).minusMonths(1).atDay(1),
                    YearMonth.from(p).minusMonths(1).atEndOfMonth());
            case "THIS_YEAR" -> new EventTime(p.withDayOfYear(1), p);
            case "LAST_YEAR" -> new EventTime(LocalDate.of(p.getYear() - 1, 1, 1),
                    LocalDate.of(p.getYear() - 1, 12, 31));
            default -> null;
        };
    }
}
