package uk.chorus.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as GOV.UK writes them: 30 November 2026; 30 November 2026, 14:05 (UK time). */
public final class Dates {
    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter WITH_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(UK);

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private Dates() {
    }

    /** "3 Mar": for the columns of a chart. */
    public static String shortForm(LocalDate date) {
        return SHORT.format(date);
    }

    public static String longForm(LocalDate date) {
        return LONG.format(date);
    }

    public static String longForm(Instant instant) {
        return LONG.format(instant.atZone(UK));
    }

    public static String dateTime(Instant instant) {
        return WITH_TIME.format(instant);
    }
}
