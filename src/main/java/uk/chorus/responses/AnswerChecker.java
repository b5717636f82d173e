package uk.chorus.responses;

import uk.chorus.surveys.Option;
import uk.chorus.surveys.Question;
import uk.chorus.web.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a respondent typed or ticked into stored answer values, or says what to fix.
 * The same rules serve the HTML pages (form fields) and the JSON API (typed values), so an answer
 * accepted by one is accepted by the other.
 */
final class AnswerChecker {
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
    // C0 controls other than tab, line feed and carriage return, and DEL: nobody types them, and
    // PostgreSQL's jsonb cannot store NUL, so an answer holding one is refused with a message.
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final int LONGEST_NUMBER = 12;
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    private AnswerChecker() {
    }

    /** A checked answer: the value to store (null when not answered), or the error to show. */
    record Checked(Object value, Message error) {
        static Checked answered(Object value) {
            return new Checked(value, null);
        }

        static Checked blank() {
            return new Checked(null, null);
        }

        static Checked invalid(String messageKey, Object... args) {
            return new Checked(null, Message.of(messageKey, args));
        }

        boolean isError() {
            return error != null;
        }
    }

    /** Checks one question's form fields (all values posted under its key, and month/year parts). */
    static Checked fromForm(Question question, Map<String, List<String>> form) {
        List<String> posted = form.getOrDefault(question.key(), List.of());
        return switch (question.type()) {
            case MULTIPLE_CHOICE -> codes(question, posted.stream().filter(v -> !v.isBlank()).toList());
            case RATING -> rating(question, first(posted));
            case SHORT_TEXT, LONG_TEXT -> text(question, first(posted));
            case NUMBER -> number(question, first(posted));
            case MONTH_YEAR -> monthYearParts(question,
                    first(form.getOrDefault(question.key() + "-month", List.of())),
                    first(form.getOrDefault(question.key() + "-year", List.of())));
            default -> code(question, first(posted));
        };
    }

    /** Checks one question's value from JSON, already unwrapped to String, List, Long or null. */
    static Checked fromJson(Question question, Object value) {
        if (value == null) {
            return required(question);
        }
        return switch (question.type()) {
            case MULTIPLE_CHOICE -> value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)
                    ? codes(question, list.stream().map(String.class::cast).toList())
                    : Checked.invalid("answer.wrong.type.list");
            // The definition lists a rating's answers as codes "0".."10": either the code or the number is accepted.
            case RATING -> value instanceof Long || value instanceof String
                    ? rating(question, value.toString())
                    : Checked.invalid("answer.wrong.type.number");
            case NUMBER -> value instanceof Long number
                    ? number(question, number.toString())
                    : Checked.invalid("answer.wrong.type.number");
            case MONTH_YEAR -> value instanceof String text ? monthYear(question, text)
                    : Checked.invalid("answer.wrong.type.text");
            case SHORT_TEXT, LONG_TEXT -> value instanceof String text ? text(question, text)
                    : Checked.invalid("answer.wrong.type.text");
            default -> value instanceof String code ? code(question, code) : Checked.invalid("answer.wrong.type.text");
        };
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    private static Checked required(Question question) {
        if (!question.required()) {
            return Checked.blank();
        }
        if (question.errorMessage() != null) {
            return Checked.invalid("answer.written.for.question", question.errorMessage());
        }
        return switch (question.type()) {
            case MULTIPLE_CHOICE -> Checked.invalid("answer.select.many");
            case RATING -> Checked.invalid("answer.select.rating");
            case AGREEMENT -> Checked.invalid("answer.select.agreement");
            case FACES -> Checked.invalid("answer.select.faces");
            case SHORT_TEXT, LONG_TEXT -> Checked.invalid("answer.enter.text");
            case NUMBER -> Checked.invalid("answer.enter.number");
            case MONTH_YEAR -> Checked.invalid("answer.month.year.enter");
            default -> Checked.invalid("answer.select.one");
        };
    }

    private static Checked code(Question question, String code) {
        if (code.isBlank()) {
            return required(question);
        }
        return question.option(code).isPresent() ? Checked.answered(code) : Checked.invalid("answer.select.unknown");
    }

    private static Checked codes(Question question, List<String> ticked) {
        if (ticked.isEmpty()) {
            return required(question);
        }
        Set<String> chosen = new LinkedHashSet<>(ticked);
        if (!chosen.stream().allMatch(code -> question.option(code).isPresent())) {
            return Checked.invalid("answer.select.unknown");
        }
        // Stored in the order the options are listed, so equal answers are equal values.
        List<String> ordered = new ArrayList<>();
        for (Option option : question.options()) {
            if (chosen.contains(option.code())) {
                ordered.add(option.code());
            }
        }
        return Checked.answered(List.copyOf(ordered));
    }

    private static Checked rating(Question question, String value) {
        if (value.isBlank()) {
            return required(question);
        }
        return question.option(value.strip()).isPresent()
                ? Checked.answered(Long.parseLong(value.strip()))
                : Checked.invalid("answer.select.rating");
    }

    private static Checked text(Question question, String typed) {
        if (CONTROL.matcher(typed).find() || hasLoneSurrogate(typed)) {
            return Checked.invalid("answer.text.control");
        }
        String text = typed.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return required(question);
        }
        int length = text.codePointCount(0, text.length());
        if (question.maxLength() != null && length > question.maxLength()) {
            return Checked.invalid("answer.text.too.long", question.maxLength(), length);
        }
        return Checked.answered(text);
    }

    /** Half of a UTF-16 pair on its own (possible in JSON as "\\ud800") is not text. */
    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static Checked number(Question question, String typed) {
        String digits = typed.strip().replace(",", "");
        if (digits.isEmpty()) {
            return required(question);
        }
        if (!digits.matches("-?\\d{1," + LONGEST_NUMBER + "}")) {
            return Checked.invalid("answer.number.whole");
        }
        long value = Long.parseLong(digits);
        Integer min = question.min();
        Integer max = question.max();
        if ((min != null && value < min) || (max != null && value > max)) {
            if (min != null && max != null) {
                return Checked.invalid("answer.number.between", min, max);
            }
            return min != null ? Checked.invalid("answer.number.at.least", min)
                    : Checked.invalid("answer.number.at.most", max);
        }
        return Checked.answered(value);
    }

    private static Checked monthYearParts(Question question, String month, String year) {
        String m = month.strip();
        String y = year.strip();
        if (m.isEmpty() && y.isEmpty()) {
            return required(question);
        }
        if (!m.matches("\\d{1,2}") || Integer.parseInt(m) < 1 || Integer.parseInt(m) > 12) {
            return Checked.invalid("answer.month.year.month");
        }
        if (!y.matches("\\d{4}") || Integer.parseInt(y) < FIRST_YEAR || Integer.parseInt(y) > LAST_YEAR) {
            return Checked.invalid("answer.month.year.year");
        }
        return Checked.answered(String.format("%s-%02d", y, Integer.parseInt(m)));
    }

    private static Checked monthYear(Question question, String text) {
        var matcher = MONTH_YEAR.matcher(text.strip());
        if (!matcher.matches()) {
            return text.isBlank() ? required(question) : Checked.invalid("answer.month.year.format");
        }
        return monthYearParts(question, matcher.group(2), matcher.group(1));
    }

    /** Checks every shown question on a page; answers to questions not shown are cleared. */
    static PageCheck page(List<Question> questions, Answers before, Map<String, List<String>> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Message> errors = new LinkedHashMap<>();
        List<String> cleared = new ArrayList<>();
        List<String> unclear = new ArrayList<>(Unclear.entries(before.values()));
        String level = Unclear.level(form);
        for (Question question : questions) {
            unclear.removeIf(entry -> entry.startsWith(question.key() + ":"));
            if (!before.isShown(question)) {
                cleared.add(question.key());
                continue;
            }
            boolean notUnderstood = Unclear.ticked(form, question.key());
            if (notUnderstood) {
                unclear.add(question.key() + ":" + level);
            }
            if (notUnderstood && blank(question, form)) {
                // Not understood and left blank: nothing to check, and nothing is missing.
                cleared.add(question.key());
                continue;
            }
            Checked checked = fromForm(question, form);
            if (checked.isError()) {
                errors.put(question.key(), checked.error());
            } else if (checked.value() == null) {
                cleared.add(question.key());
            } else {
                values.put(question.key(), checked.value());
            }
        }
        if (!unclear.equals(Unclear.entries(before.values()))) {
            values.put(Unclear.ANSWERS_KEY, List.copyOf(unclear));
        }
        return new PageCheck(values, cleared, errors);
    }

    private static boolean blank(Question question, Map<String, List<String>> form) {
        for (String field : List.of(question.key(), question.key() + "-month", question.key() + "-year")) {
            if (form.getOrDefault(field, List.of()).stream().anyMatch(v -> !v.isBlank())) {
                return false;
            }
        }
        return true;
    }

    record PageCheck(Map<String, Object> values, List<String> cleared, Map<String, Message> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }
}
