package uk.chorus.web;

import io.micronaut.core.annotation.Nullable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A date typed into the GOV.UK date input (the date-parts partial with withDay): three boxes,
 * {@code name-day}, {@code name-month} and {@code name-year}. Read leniently (spaces and leading
 * zeros are fine) and refused with a sentence when it is not a real date.
 */
public final class DateFields {
    private DateFields() {
    }

    /** What was typed, to show again, and the date (null when missing or not a real date). */
    public record Typed(String day, String month, String year, @Nullable LocalDate date) {
        public boolean empty() {
            return day.isEmpty() && month.isEmpty() && year.isEmpty();
        }
    }

    public static Typed read(Map<String, List<String>> form, String name) {
        String day = first(form, name + "-day");
        String month = first(form, name + "-month");
        String year = first(form, name + "-year");
        LocalDate date = null;
        try {
            if (day.matches("\\d{1,2}") && month.matches("\\d{1,2}") && year.matches("\\d{4}")) {
                date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            }
        } catch (DateTimeException e) {
            date = null;
        }
        return new Typed(day, month, year, date);
    }

    public static Typed of(LocalDate date) {
        return new Typed(Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
                Integer.toString(date.getYear()), date);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }
}
