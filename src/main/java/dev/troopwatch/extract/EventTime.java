package dev.troopwatch.extract;

import java.time.LocalDate;

/** When an event happened: one day ({@code from == to}) or a range; either end may be open. */
public record EventTime(LocalDate from, LocalDate to) {
    public EventTime {
        if (from == null && to == null) {
            throw new IllegalArgumentException("an event time needs a from or a to");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("event time ends before it starts: " + from + ".." + to);
        }
    }

    public static EventTime on(LocalDate day) {
        return new EventTime(day, day);
    }
}
